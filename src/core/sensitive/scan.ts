/**
 * Candidate phrases of a paragraph: every lexicon or blocker match, left to right, without
 * overlaps. Each word start is tried against the bucket regex of its first character only.
 */
import { compileBuckets, type Bucket } from './compile';
import type { LexiconEntry } from './lexicon';

export interface Candidate {
  start: number;
  end: number;
  /** The lexicon entry that matched, or null when a blocker swallowed the text. */
  entry: LexiconEntry | null;
  text: string;
}

/** Buckets indexed by lower-case ASCII char code: an array lookup per word start, no strings. */
const BY_CODE: (Bucket | undefined)[] = [];
for (const [key, bucket] of compileBuckets()) BY_CODE[key.charCodeAt(0)] = bucket;

/** [A-Za-z0-9_], the same word characters as the lexicon's boundaries. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

export function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  let pos = 0;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    const bucket =
      isWordChar(code) && (pos === 0 || !isWordChar(text.charCodeAt(pos - 1)))
        ? BY_CODE[code | 0x20] // Lower-cases ASCII letters; digits are unchanged.
        : undefined;
    if (!bucket) {
      pos += 1;
      continue;
    }
    // Shared regex objects: V8 tiers a regex up to native code per object, so reuse them.
    bucket.regex.lastIndex = pos;
    const m = bucket.regex.exec(text);
    if (!m || m[0].length === 0) {
      pos += 1;
      continue;
    }
    let g = 2;
    while (g < m.length && m[g] === undefined) g += 1;
    const entry = m[1] !== undefined ? null : (bucket.entries[g - 2] ?? null);
    out.push({ start: pos, end: pos + m[0].length, entry, text: m[0] });
    pos += m[0].length;
  }
  return out;
}
