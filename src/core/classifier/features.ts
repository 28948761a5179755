/**
 * Hashed sparse features of one paragraph: word unigrams and bigrams, fastText-style character
 * n-grams of each word (robust to inflections, typos and unseen compounds such as "sdk-based"),
 * and the words of the heading the paragraph sits under. Each family is TF-IDF weighted and
 * L2-normalised on its own so that no family drowns the others.
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
   * Also prepend the heading to the text. OPP-115 segments carry their heading inline
   * ("Use of Cookies Sci-News.com uses..."), so this shows the model what it was trained on.
   */
  headingInline: boolean;
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
interface WordEntry {
  /** Hash of the (stemmed) word, reused to hash bigrams without building strings. */
  hash: number;
  /** Its character n-gram hashes (unmasked). */
  chars: Uint32Array;
}

const wordCache = new Map<string, WordEntry>();
let cacheKey = '';
const WORD_CACHE_LIMIT = 50_000;

/** fastText-style n-grams of `<word>`, hashed in place (same values as fnv1a of each slice). */
function charHashes(word: string, min: number, max: number): Uint32Array {
  if (max <= 0) return new Uint32Array(0);
  const padded = `<${word}>`;
  const out: number[] = [];
  for (let i = 0; i < padded.length; i++) {
    let h = NAMESPACE.char >>> 0;
    for (let n = 1; n <= max && i + n <= padded.length; n++) {
      h ^= padded.charCodeAt(i + n - 1);
      h = Math.imul(h, 0x01000193);
      if (n >= min) out.push(h >>> 0);
    }
  }
  return Uint32Array.from(out);
}

function wordEntry(word: string, cfg: FeatureConfig): WordEntry {
  const key = `${cfg.charMin},${cfg.charMax},${cfg.stem}`;
  if (key !== cacheKey || wordCache.size >= WORD_CACHE_LIMIT) {
    wordCache.clear();
    cacheKey = key;
  }
  let entry = wordCache.get(word);
  if (!entry) {
    const token = cfg.stem ? stem(word) : word;
    entry = {
      hash: fnv1a(token, NAMESPACE.word),
      chars: charHashes(word, cfg.charMin, cfg.charMax),
    };
    wordCache.set(word, entry);
  }
  return entry;
}

/** Order-sensitive mix of two word hashes into a bigram hash (murmur3 finaliser). */
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

let block: Scratch | null = null;
let total: Scratch | null = null;

function scratch(buckets: number): { block: Scratch; total: Scratch } {
  if (!block || !total || block.value.length !== buckets) {
    block = new Scratch(buckets);
    total = new Scratch(buckets);
  }
  return { block, total };
}

/** Sublinear TF, IDF, L2 normalisation to `weight`, then merge into `out`; clears `acc`. */
function mergeBlock(out: Scratch, acc: Scratch, weight: number, idf: Float32Array | null): void {
  let norm = 0;
  for (let i = 0; i < acc.size; i++) {
    const k = acc.touched[i] as number;
    const tf = acc.value[k] as number;
    const v = (tf === 1 ? 1 : 1 + Math.log(tf)) * (idf ? (idf[k] as number) : 1);
    acc.value[k] = v;
    norm += v * v;
  }
  if (norm > 0 && weight !== 0) {
    const s = weight / Math.sqrt(norm);
    for (let i = 0; i < acc.size; i++) {
      const k = acc.touched[i] as number;
      out.add(k, (acc.value[k] as number) * s);
    }
  }
  acc.clear();
}

function addWords(acc: Scratch, entries: WordEntry[], cfg: FeatureConfig, mask: number): void {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as WordEntry;
    acc.add(e.hash & mask, 1);
    if (cfg.bigrams && i > 0)
      acc.add(pairHash((entries[i - 1] as WordEntry).hash, e.hash) & mask, 1);
  }
}

function addChars(acc: Scratch, entries: WordEntry[], mask: number): void {
  for (const e of entries) {
    const chars = e.chars;
    for (let i = 0; i < chars.length; i++) acc.add((chars[i] as number) & mask, 1);
  }
}

/** The bucket ids a paragraph touches, without weights; the trainer uses it for IDF. */
export function featureKeys(src: FeatureSource, cfg: FeatureConfig): Set<number> {
  return new Set(extractFeatures(src, cfg, null).index);
}

/** Hashed features of tokens already looked up (one paragraph or one of its sentences). */
function vectorOf(
  entries: WordEntry[],
  heading: WordEntry[] | null,
  cfg: FeatureConfig,
  idf: Float32Array | null,
): SparseVector {
  const mask = (1 << cfg.bits) - 1;
  const { block: acc, total: out } = scratch(2 ** cfg.bits);
  addWords(acc, entries, cfg, mask);
  mergeBlock(out, acc, 1, idf);
  if (cfg.charMax > 0) {
    addChars(acc, entries, mask);
    mergeBlock(out, acc, cfg.charWeight, idf);
  }
  if (heading && heading.length > 0 && cfg.headingWeight > 0) {
    for (const e of heading) acc.add(pairHash(e.hash, NAMESPACE.heading) & mask, 1);
    mergeBlock(out, acc, cfg.headingWeight, idf);
  }
  const index = Int32Array.from(out.touched.subarray(0, out.size));
  const value = new Float32Array(out.size);
  for (let i = 0; i < out.size; i++) value[i] = out.value[index[i] as number] as number;
  out.clear();
  return { index, value };
}

const entriesOf = (text: string, cfg: FeatureConfig): WordEntry[] =>
  words(normalize(text)).map((w) => wordEntry(w, cfg));

export function extractFeatures(
  src: FeatureSource,
  cfg: FeatureConfig,
  idf: Float32Array | null,
): SparseVector {
  return paragraphFeatures(src, cfg, idf, false).whole;
}

/**
 * Features of the whole paragraph (with its heading) and, when asked and the paragraph has
 * several sentences, of each sentence alone. Words are looked up once per sentence and reused.
 */
export function paragraphFeatures(
  src: FeatureSource,
  cfg: FeatureConfig,
  idf: Float32Array | null,
  withSentences: boolean,
): { whole: SparseVector; sentences: SparseVector[] } {
  const heading = src.heading ? entriesOf(src.heading, cfg) : null;
  const ranges = withSentences ? sentenceRanges(src.text) : [];
  const parts = ranges.length > 1 ? ranges.map(([a, b]) => entriesOf(src.text.slice(a, b), cfg)) : [entriesOf(src.text, cfg)];
  const body = cfg.headingInline && heading ? [heading, ...parts].flat() : parts.flat();
  return {
    whole: vectorOf(body, heading, cfg, idf),
    sentences: parts.length > 1 ? parts.map((p) => vectorOf(p, null, cfg, idf)) : [],
  };
}
