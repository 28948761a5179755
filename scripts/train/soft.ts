/**
 * Annotator agreement as soft targets (OPP-115 has exactly three annotators per segment): a
 * label two of three chose is a weaker positive than one all three chose, and a label one
 * annotator chose is a weak negative. Training on votes / 3 keeps that information, which the
 * majority labels throw away.
 */
import { sentenceRanges } from '../../src/core/classifier/sentences';
import { OPP115_CATEGORY_TO_ID } from '../../src/core/taxonomy';
import { readJsonl, sharedDataPath } from '../lib/shared-data';
import type { Example, Split } from './data';
import { emptyTargets, H, headIndex, PGLUE_LABEL_TO_HEAD } from './labels';

interface VotedSegment {
  policy: string;
  text: string;
  votes: Record<string, number>;
  labels12: string[];
  categories: string[];
  pglue_split: string | string[] | null;
  spans: { category: string; attribute: string; value: string; start: number; end: number }[];
}

/** Text key that survives the CSV's quoting quirks and whitespace differences. */
export const textKey = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function readSegments(): VotedSegment[] {
  return (['train', 'validation', 'test'] as Split[]).flatMap((s) =>
    readJsonl<VotedSegment>(sharedDataPath(`opp115/segments/${s}.jsonl`)),
  );
}

export function softTargets(votes: Record<string, number>): Float32Array {
  const t = new Float32Array(H);
  for (const [name, n] of Object.entries(votes)) {
    const label = name.startsWith('Other: ') ? name.slice(7) : name;
    const head = name === 'Other' ? 'other' : (PGLUE_LABEL_TO_HEAD[label] ?? OPP115_CATEGORY_TO_ID[label]);
    if (head) t[headIndex(head)] = Math.min(1, n / 3);
  }
  return t;
}

/** Adds `soft` to examples whose text is an OPP-115 segment (mean over identical segments). */
export function attachSoft(examples: Example[], segments: VotedSegment[]): number {
  const byKey = new Map<string, Float32Array[]>();
  for (const s of segments) {
    const k = textKey(s.text);
    byKey.set(k, [...(byKey.get(k) ?? []), softTargets(s.votes)]);
  }
  let n = 0;
  for (const ex of examples) {
    const all = byKey.get(textKey(ex.text));
    if (!all) continue;
    const soft = new Float32Array(H);
    for (const t of all) for (let h = 0; h < H; h++) soft[h] = Math.max(soft[h] as number, t[h] as number);
    // Keep the released majority labels authoritative where they disagree with the votes.
    for (let h = 0; h < H; h++) if (ex.y[h] === 1) soft[h] = Math.max(soft[h] as number, 2 / 3);
    ex.soft = soft;
    n++;
  }
  return n;
}

/**
 * Segments that no PrivacyGLUE split holds (no label reached a majority), as soft-target
 * examples: safe to train on, since their text is in neither validation nor test.
 */
export function unsplitSegments(segments: VotedSegment[], exclude: Set<string>, weight: number): Example[] {
  return segments
    .filter((s) => s.pglue_split === null && !exclude.has(textKey(s.text)))
    .map((s) => {
      const y = emptyTargets(0);
      return { text: s.text, doc: s.policy, y, soft: softTargets(s.votes), weight };
    });
}

/**
 * Sentence-level examples from the annotators' evidence spans: a sentence is positive for a
 * head when at least two annotators placed a span of it there, negative when none did, unknown
 * otherwise. It teaches the model the phrases that carry a practice inside long segments.
 */
export function spanSentences(segments: VotedSegment[], weight: number): Example[] {
  const out: Example[] = [];
  for (const seg of segments) {
    const ranges = sentenceRanges(seg.text);
    if (ranges.length < 2) continue;
    for (const [a, b] of ranges) {
      const who = new Map<number, Set<string>>();
      for (const sp of seg.spans) {
        if (sp.end <= a || sp.start >= b) continue;
        const name = sp.category === 'Other' ? `Other: ${sp.value}` : sp.category;
        const label = name.startsWith('Other: ') ? name.slice(7) : name;
        const head = PGLUE_LABEL_TO_HEAD[label];
        if (head === undefined) continue;
        const annotator = String((sp as { annotator?: number }).annotator);
        for (const h of sp.category === 'Other' ? [head, 'other' as const] : [head]) {
          const k = headIndex(h);
          who.set(k, (who.get(k) ?? new Set<string>()).add(annotator));
        }
      }
      const y = emptyTargets(0);
      for (const [k, set] of who) y[k] = set.size >= 2 ? 1 : -1;
      out.push({ text: seg.text.slice(a, b).trim(), doc: seg.policy, y, weight });
    }
  }
  return out;
}
