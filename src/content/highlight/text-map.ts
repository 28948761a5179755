/**
 * Segments carry whitespace-normalised text; mark.js ranges count characters of the element's raw
 * text nodes. This maps offsets in the normalised text back to raw offsets.
 */

export interface NormalisedText {
  text: string;
  /**
   * Where each word of `text` starts in `text` and in the raw string. Words are copied verbatim,
   * so this maps every offset (rawOffset) with two numbers per word instead of one per character.
   */
  wordStarts: number[];
  rawStarts: number[];
  rawLength: number;
  /** `text` case-folded, filled in by the first search (one paragraph is searched per phrase). */
  folded?: string;
}

/** The characters `\s` matches, by UTF-16 code: a hot loop must not run a regex per character. */
function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 160 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/** Collapses runs of whitespace to one space and trims, remembering where each word came from. */
export function normaliseWithMap(raw: string): NormalisedText {
  const words: string[] = [];
  const wordStarts: number[] = [];
  const rawStarts: number[] = [];
  let length = 0;
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
    if (i >= raw.length) break;
    const start = i;
    while (i < raw.length && !isSpace(raw.charCodeAt(i))) i++;
    if (words.length > 0) length++;
    wordStarts.push(length);
    rawStarts.push(start);
    words.push(raw.slice(start, i));
    length += i - start;
  }
  return { text: words.join(' '), wordStarts, rawStarts, rawLength: raw.length };
}

/**
 * Offset in the raw string of character `i` of the normalised text: inside a word, the same
 * character; a space, the last whitespace character before the next word; the end, the raw end.
 */
export function rawOffset(t: NormalisedText, i: number): number {
  if (i >= t.text.length || t.wordStarts.length === 0) return t.rawLength;
  let lo = 0;
  let hi = t.wordStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((t.wordStarts[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  const next = t.wordStarts[lo + 1];
  if (next !== undefined && i === next - 1) return (t.rawStarts[lo + 1] as number) - 1;
  return (t.rawStarts[lo] as number) + i - (t.wordStarts[lo] as number);
}

/**
 * Lower case without changing length: `toLowerCase()` turns some characters into two ("İ" becomes
 * "i̇"), which would shift every later offset and put marks on the wrong text.
 */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const folded = ch.toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/**
 * Finds where `phrase` (taken from the segment text at `hint`) sits in the element's normalised
 * text and returns raw [start, end) offsets, or null when it cannot be found. The segment text can
 * differ from the element text (a list item's nested list is its own segment), so search rather
 * than trust offsets: the occurrence nearest to the hint wins.
 */
export function locatePhrase(
  elementText: NormalisedText,
  phrase: string,
  hint: number,
): { start: number; length: number } | null {
  if (!phrase) return null;
  const haystack = (elementText.folded ??= foldCase(elementText.text));
  const needle = foldCase(phrase);
  let best = -1;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
    if (at > hint) break;
  }
  if (best === -1) return null;
  const start = rawOffset(elementText, best);
  const end = rawOffset(elementText, best + needle.length - 1) + 1;
  return { start, length: end - start };
}

/** Elements whose own text nodes mark.js never counts nor wraps, whatever `exclude` says. */
const MARKJS_SKIPS = ['script', 'style', 'title', 'head', 'html'];

/**
 * The text of `el` as mark.js counts it for `markRanges`: its text nodes in order, except those
 * whose parent is excluded (mark.js's own list plus `exclude`). `textContent` also counts the
 * text of a `<script>` or `<style>` inside a paragraph, which shifted every later range and put
 * marks on the wrong words.
 */
export function markableText(el: Element, exclude: readonly string[]): string {
  const skip = [...exclude, ...MARKJS_SKIPS].join(', ');
  let text = '';
  // Consecutive text nodes mostly share a parent: test each parent once.
  let lastParent: Node | null = null;
  let lastSkipped = false;
  // Tree order without recursion (pages nest thousands deep) and without a TreeWalker, whose
  // implementations outside browsers are not all faithful.
  let node: Node | null = el.firstChild;
  while (node && node !== el) {
    if (node.nodeType === 3) {
      const parent = node.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        lastSkipped = !!parent && parent.nodeType === 1 && (parent as Element).matches(skip);
      }
      if (!lastSkipped) text += (node as Text).data;
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  return text;
}
