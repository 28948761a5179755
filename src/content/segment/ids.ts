/** Stable paragraph ids: a hash of the normalised text plus the occurrence index of that text. */

/** 32-bit FNV-1a over UTF-16 code units, in base 36. Not cryptographic; only needs to be stable. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
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
