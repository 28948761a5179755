/**
 * Counts vocabulary hits in text. Latin-script phrases are matched as whole word sequences over
 * the tokens, so "opt out" matches "Opt-Out" and "retain" does not match "retained"; phrases in
 * Han, kana or Hangul are counted as substrings because those scripts do not separate words.
 * Matching is one pass over the tokens: a phrase is only extended while it is a prefix of some
 * vocabulary entry, so most tokens cost a single Set lookup. This keeps detection well inside its
 * main-thread budget on every page.
 */
import { hasCjk, normalizeSpace, tokenize } from './words';

/** Text prepared once and matched against many vocabularies. */
export interface PreparedText {
  /** Lower-cased NFKC text with collapsed whitespace, for substring matching. */
  lower: string;
  tokens: string[];
  /** Whether `lower` has Han, kana or Hangul (substring vocabularies are skipped otherwise). */
  cjk: boolean;
}

export function prepareText(text: string): PreparedText {
  const lower = normalizeSpace(text.normalize('NFKC').toLowerCase());
  return { lower, tokens: tokenize(lower), cjk: hasCjk(lower) };
}

/** Counts hits of several named vocabularies in one pass; a phrase may belong to several. */
export class VocabCounter<K extends string> {
  private readonly grams = new Map<string, K[]>();
  private readonly prefixes = new Set<string>();
  private readonly substrings = new Map<string, K[]>();
  private maxWords = 1;

  constructor(private readonly vocabularies: Readonly<Record<K, readonly string[]>>) {
    for (const name of Object.keys(vocabularies) as K[]) {
      for (const phrase of vocabularies[name]) this.add(name, phrase);
    }
  }

  /**
   * Vocabulary entries are written lower-case and NFKC-normalised (a unit test checks), so no
   * normalisation is done here: this runs for ~900 entries whenever the content script loads.
   */
  private add(name: K, phrase: string): void {
    if (hasCjk(phrase)) {
      push(this.substrings, phrase, name);
      return;
    }
    const tokens = /^[a-z0-9 ]+$/.test(phrase) ? phrase.split(' ') : tokenize(phrase);
    if (tokens.length === 0) return;
    let prefix = tokens[0] as string;
    for (let n = 1; n < tokens.length; n++) {
      this.prefixes.add(prefix);
      prefix += ' ' + (tokens[n] as string);
    }
    push(this.grams, prefix, name);
    if (tokens.length > this.maxWords) this.maxWords = tokens.length;
  }

  /** Calls `onHit` for every occurrence of every phrase, with the vocabularies it belongs to. */
  visit(text: PreparedText, onHit: (phrase: string, owners: readonly K[]) => void): void {
    const { tokens } = text;
    for (let i = 0; i < tokens.length; i++) {
      let key = tokens[i] as string;
      for (let n = 1; ; n++) {
        const owners = this.grams.get(key);
        if (owners) onHit(key, owners);
        if (n >= this.maxWords || i + n >= tokens.length || !this.prefixes.has(key)) break;
        key += ' ' + (tokens[i + n] as string);
      }
    }
    if (!text.cjk) return;
    for (const [sub, owners] of this.substrings) {
      for (
        let at = text.lower.indexOf(sub);
        at !== -1;
        at = text.lower.indexOf(sub, at + sub.length)
      ) {
        onHit(sub, owners);
      }
    }
  }

  /** Occurrences per vocabulary. */
  count(text: PreparedText): Record<K, number> {
    const counts = {} as Record<K, number>;
    for (const name of Object.keys(this.vocabularies) as K[]) counts[name] = 0;
    this.visit(text, (_phrase, owners) => {
      for (const owner of owners) counts[owner]++;
    });
    return counts;
  }
}

function push<K>(map: Map<string, K[]>, key: string, owner: K): void {
  const owners = map.get(key);
  if (!owners) map.set(key, [owner]);
  else if (!owners.includes(owner)) owners.push(owner);
}

/** A single vocabulary, for short texts such as titles and headings. */
export interface PhraseMatcher {
  count(text: PreparedText): number;
  /** The phrases of the list that occur at least once. */
  found(text: PreparedText): string[];
}

/** Builds its tables on first use, so a page the prefilter rules out never pays for them. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  let counter: VocabCounter<'v'> | null = null;
  const tables = () => (counter ??= new VocabCounter({ v: phrases }));
  return {
    count: (text) => tables().count(text).v,
    found(text) {
      const hits = new Set<string>();
      tables().visit(text, (phrase) => hits.add(phrase));
      return [...hits];
    },
  };
}
