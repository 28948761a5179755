/** Stable paragraph ids: a hash of the normalised text plus the occurrence index of that text. */

/** Characters hashed from each end of a long text. */
const HASH_EDGE = 32;

/**
 * 32-bit FNV-1a, in base 36, over the text's length and its first and last 32 UTF-16 code units.
 * Hashing whole paragraphs cost milliseconds on long policies (scripts/bench/30-detection.ts);
 * two different paragraphs that agree on length and both ends still get distinct ids through
 * the occurrence index. Not cryptographic; it only needs to be stable.
 */
export function hashText(text: string): string {
  let h = Math.imul(0x811c9dc5 ^ text.length, 0x01000193);
  const n = text.length;
  const head = Math.min(n, HASH_EDGE);
  for (let i = 0; i < head; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (let i = Math.max(head, n - HASH_EDGE); i < n; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Id for `text`, counting repeats in `seen` so identical paragraphs get -0, -1, -2 … */
export function stableId(text: string, seen: Map<string, number>, prefix = 'fp-'): string {
  const key = prefix + hashText(text);
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return `${key}-${n}`;
}
