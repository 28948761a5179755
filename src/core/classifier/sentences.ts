/**
 * Sentence ranges of a paragraph. A practice often sits in one sentence of a long paragraph
 * ("... We keep logs for 90 days."), where whole-paragraph features dilute it; the classifier
 * therefore also scores each sentence (see classify.ts).
 */
const BOUNDARY = /[.!?;:]["')\]]?\s+(?=[A-Z0-9"(•·-])/g;

/** [start, end) offsets; a boundary is only taken once the sentence has 20 characters. */
export function sentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end - start > 20) {
      out.push([start, end]);
      start = end;
    }
  }
  if (text.length > start) out.push([start, text.length]);
  return out;
}
