/**
 * Turns the lexicon and the blockers into case-insensitive regular expressions, compiled once at
 * module load. `compile` builds one flat regex (the reference, used by tests); `compileBuckets`
 * splits the same alternatives by the character they can start with, so the detector tries only
 * the ~10 that can match at a word start instead of all ~230. Both give the same matches.
 */
import { BLOCKERS } from './blockers';
import { firstChars } from './first-chars';
import { HEAD_NOUN, LEXICON, type LexiconEntry } from './lexicon';

/** Runs of spaces, no-break spaces and hyphens are interchangeable inside a phrase; grouped so "e ?mail" makes the whole gap optional. */
const GAP = '(?:[\\s\\u2010-]+)';

/** Applies the lexicon syntax (see lexicon.ts) to one fragment. */
export function expand(fragment: string): string {
  return fragment.replace(/ /g, GAP).replace(/'/g, "['\u2019]");
}

function checkFragment(fragment: string): string {
  // A capturing group inside a fragment would shift the group numbers of every later entry.
  const groups = new RegExp(`${fragment}|`).exec('');
  if (!groups || groups.length !== 1) throw new Error(`capturing group in lexicon: ${fragment}`);
  return fragment;
}

export interface Compiled {
  regex: RegExp;
  entries: readonly LexiconEntry[];
}

export function compile(
  entries: readonly LexiconEntry[] = LEXICON,
  blockers: readonly string[] = BLOCKERS,
): Compiled {
  const blocker = `(${blockers.map((b) => checkFragment(expand(b))).join('|')})`;
  const parts = entries.map((e) => `(${checkFragment(expand(e.pattern))})`);
  // Word boundaries as lookarounds, so fragments may start or end with any character. The head
  // noun is appended once, outside the alternation, to keep the source small: V8 stops
  // optimising regular expressions whose source passes about 20 kB.
  const head = expand(HEAD_NOUN);
  const source = `(?<![A-Za-z0-9_])(?:${blocker}|(?:${parts.join('|')})${head})(?![A-Za-z0-9_])`;
  return { regex: new RegExp(source, 'gi'), entries };
}

export interface Bucket {
  /** Sticky: run it at one word start. Group 1 is the blockers, group k + 2 is `entries[k]`. */
  regex: RegExp;
  entries: readonly LexiconEntry[];
}

const BUCKET_KEYS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** One sticky regex per first character (lower case), keeping the lexicon's order inside each. */
export function compileBuckets(
  entries: readonly LexiconEntry[] = LEXICON,
  blockers: readonly string[] = BLOCKERS,
): Map<string, Bucket> {
  // A fragment whose first characters are unknown goes in every bucket, which is always correct.
  const can = (fragment: string, key: string): boolean => firstChars(fragment)?.has(key) ?? true;
  const head = expand(HEAD_NOUN);
  const buckets = new Map<string, Bucket>();
  for (const key of BUCKET_KEYS) {
    const bs = blockers.filter((b) => can(b, key)).map((b) => checkFragment(expand(b)));
    const es = entries.filter((e) => can(e.pattern, key));
    if (es.length === 0) continue;
    const parts = es.map((e) => `(${checkFragment(expand(e.pattern))})`).join('|');
    // An empty blocker group that can never match keeps the group numbers fixed.
    const blocker = bs.length > 0 ? `(${bs.join('|')})` : '((?!))';
    const source = `(?:${blocker}|(?:${parts})${head})(?![A-Za-z0-9_])`;
    buckets.set(key, { regex: new RegExp(source, 'iy'), entries: es });
  }
  return buckets;
}
