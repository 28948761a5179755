/**
 * Hashed sparse features of one paragraph: word unigrams and bigrams, fastText-style character
 * n-grams of each word (robust to inflections, typos and unseen compounds such as "sdk-based"),
 * and the words of the heading the paragraph sits under. Each family is normalised on its own so
 * that no family drowns the others: words and heading by log-TF and L2 norm, character n-grams
 * by raw counts over the square root of their total. The latter is linear in the words, so the
 * classifier can cache each word's character score (classify.ts) instead of hashing n-grams.
 */
import { fnv1a, NAMESPACE } from './hash';
import { sentenceRanges } from './sentences';
import { normalize, stem, words } from './tokenize';

export interface FeatureConfig {
  /** The hash space has 2^bits buckets. */
  bits: number;
  bigrams: boolean;
  /** Character n-gram lengths; charMax 0 turns them off. */
  charMin: number;
  charMax: number;
  /** Weight of the character block relative to the word block. */
  charWeight: number;
  /**
   * How much a paragraph's score moves towards its best sentence's score when that is higher
   * (0 = whole paragraph only, 1 = max over sentences).
   */
  sentenceMix: number;
  /** Weight of the heading block (words of the enclosing heading, own namespace). */
  headingWeight: number;
  /**
   * Also prepend the heading to the text, as OPP-115 segments carry theirs ("Use of Cookies
   * Sci-News.com uses..."). Off in the shipped model: it cost 2 points macro-F1 on held-out
   * modern policies (docs/MODEL_CARD.md).
   */
  headingInline: boolean;
  /**
   * Hash heading words into the word namespace (a separately weighted block) rather than their
   * own: OPP-115 has no separate headings, so only shared weights learn from it.
   */
  headingShared: boolean;
  stem: boolean;
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** What a paragraph is made of before hashing; exposed for tests and the trainer. */
export interface FeatureSource {
  text: string;
  heading?: string | undefined;
}

/** What one distinct word contributes; cached because words repeat within and across policies. */
export interface WordEntry {
  /** Hash of the (stemmed) word, reused to hash bigrams without building strings. */
  hash: number;
  /** Buckets of its character n-grams (already masked to the hash space). */
  chars: Int32Array;
  /** The classifier's cached character score of this word, and the weights it was made from. */
  charScore: Float64Array | null;
  charScoreOf: unknown;
}

const wordCache = new Map<string, WordEntry>();
let cacheConfig: FeatureConfig | null = null;
const WORD_CACHE_LIMIT = 50_000;

/** fastText-style n-grams of `<word>`, hashed in place (same values as fnv1a of each slice). */
function charBuckets(word: string, min: number, max: number, mask: number): Int32Array {
  if (max <= 0) return new Int32Array(0);
  const padded = `<${word}>`;
  const out: number[] = [];
  for (let i = 0; i < padded.length; i++) {
    let h = NAMESPACE.char >>> 0;
    for (let n = 1; n <= max && i + n <= padded.length; n++) {
      h ^= padded.charCodeAt(i + n - 1);
      h = Math.imul(h, 0x01000193);
      if (n >= min) out.push((h >>> 0) & mask);
    }
  }
  return Int32Array.from(out);
}

function wordEntry(word: string, cfg: FeatureConfig): WordEntry {
  // One cache per configuration object (a model's config never changes once loaded).
  if (cfg !== cacheConfig || wordCache.size >= WORD_CACHE_LIMIT) {
    wordCache.clear();
    cacheConfig = cfg;
  }
  let entry = wordCache.get(word);
  if (!entry) {
    const token = cfg.stem ? stem(word) : word;
    const mask = (1 << cfg.bits) - 1;
    entry = {
      hash: fnv1a(token, NAMESPACE.word),
      chars: charBuckets(word, cfg.charMin, cfg.charMax, mask),
      charScore: null,
      charScoreOf: null,
    };
    wordCache.set(word, entry);
  }
  return entry;
}

/** Order-sensitive mix of two hashes (murmur3 finaliser): bigrams and heading words. */
function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ NAMESPACE.bigram, 0x85ebca6b) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A sparse accumulator over the hash space: dense values plus the list of touched buckets, so
 * that adding is an array write and clearing costs only what was touched.
 */
class Scratch {
  readonly value: Float64Array;
  readonly touched: Int32Array;
  size = 0;
  constructor(buckets: number) {
    this.value = new Float64Array(buckets);
    this.touched = new Int32Array(buckets);
  }
  add(k: number, amount: number): void {
    if (this.value[k] === 0) this.touched[this.size++] = k;
    this.value[k] = (this.value[k] as number) + amount;
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.value[this.touched[i] as number] = 0;
    this.size = 0;
  }
}

let scratchBuffer: Scratch | null = null;

/** The shared accumulator (JS is single-threaded; every user clears it before returning). */
export function scratch(buckets: number): Scratch {
  if (scratchBuffer?.value.length !== buckets) scratchBuffer = new Scratch(buckets);
  return scratchBuffer;
}

/** Log-TF then L2 normalisation to `weight`, in place over the touched buckets. */
export function normalizeBlock(acc: Scratch, weight: number): void {
  let norm = 0;
  for (let i = 0; i < acc.size; i++) {
    const k = acc.touched[i] as number;
    const tf = acc.value[k] as number;
    const v = tf === 1 ? 1 : 1 + Math.log(tf);
    acc.value[k] = v;
    norm += v * v;
  }
  const s = norm > 0 ? weight / Math.sqrt(norm) : 0;
  for (let i = 0; i < acc.size; i++) {
    const k = acc.touched[i] as number;
    acc.value[k] = (acc.value[k] as number) * s;
  }
}

/** Word unigram and bigram counts of a token sequence. */
export function addWordBlock(acc: Scratch, entries: WordEntry[], cfg: FeatureConfig): void {
  const mask = (1 << cfg.bits) - 1;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as WordEntry;
    acc.add(e.hash & mask, 1);
    if (cfg.bigrams && i > 0)
      acc.add(pairHash((entries[i - 1] as WordEntry).hash, e.hash) & mask, 1);
  }
}

/** Heading words: in the word namespace (headingShared) or their own. */
export function addHeadingBlock(acc: Scratch, heading: WordEntry[], cfg: FeatureConfig): void {
  const mask = (1 << cfg.bits) - 1;
  for (const e of heading) {
    acc.add((cfg.headingShared ? e.hash : pairHash(e.hash, NAMESPACE.heading)) & mask, 1);
  }
}

/** Scale of the character block: charWeight over the root of the number of n-grams. */
export function charScale(entries: WordEntry[], cfg: FeatureConfig): number {
  let total = 0;
  for (const e of entries) total += e.chars.length;
  return total > 0 ? cfg.charWeight / Math.sqrt(total) : 0;
}

/** A paragraph split into looked-up words: whole body (heading inline if so configured) and sentences. */
export interface Tokens {
  body: WordEntry[];
  heading: WordEntry[] | null;
  /** The paragraph's sentences when it has several and they were asked for; else empty. */
  sentences: WordEntry[][];
}

const entriesOf = (text: string, cfg: FeatureConfig): WordEntry[] =>
  words(normalize(text)).map((w) => wordEntry(w, cfg));

export function tokenizeParagraph(
  src: FeatureSource,
  cfg: FeatureConfig,
  withSentences: boolean,
): Tokens {
  const heading = src.heading ? entriesOf(src.heading, cfg) : null;
  const ranges = withSentences ? sentenceRanges(src.text) : [];
  const parts =
    ranges.length > 1
      ? ranges.map(([a, b]) => entriesOf(src.text.slice(a, b), cfg))
      : [entriesOf(src.text, cfg)];
  const body = cfg.headingInline && heading ? [heading, ...parts].flat() : parts.flat();
  return { body, heading, sentences: parts.length > 1 ? parts : [] };
}

/** The explicit sparse vector of a token sequence (training; tests compare the fast scorer to it). */
export function vectorOf(
  entries: WordEntry[],
  heading: WordEntry[] | null,
  cfg: FeatureConfig,
): SparseVector {
  const acc = scratch(2 ** cfg.bits);
  addWordBlock(acc, entries, cfg);
  normalizeBlock(acc, 1);
  const words = new Map<number, number>();
  for (let i = 0; i < acc.size; i++) {
    const k = acc.touched[i] as number;
    words.set(k, acc.value[k] as number);
  }
  acc.clear();
  if (heading && heading.length > 0 && cfg.headingWeight > 0) {
    addHeadingBlock(acc, heading, cfg);
    normalizeBlock(acc, cfg.headingWeight);
    for (let i = 0; i < acc.size; i++) {
      const k = acc.touched[i] as number;
      words.set(k, (words.get(k) ?? 0) + (acc.value[k] as number));
    }
    acc.clear();
  }
  const cs = charScale(entries, cfg);
  for (const e of entries) for (const k of e.chars) words.set(k, (words.get(k) ?? 0) + cs);
  const index = new Int32Array(words.size);
  const value = new Float32Array(words.size);
  let i = 0;
  for (const [k, v] of words) {
    index[i] = k;
    value[i] = v;
    i++;
  }
  return { index, value };
}

/** The bucket ids a paragraph touches. */
export function featureKeys(src: FeatureSource, cfg: FeatureConfig): Set<number> {
  return new Set(extractFeatures(src, cfg).index);
}

/** Features of a whole paragraph, as the trainer sees it. */
export function extractFeatures(src: FeatureSource, cfg: FeatureConfig): SparseVector {
  const t = tokenizeParagraph(src, cfg, false);
  return vectorOf(t.body, t.heading, cfg);
}
