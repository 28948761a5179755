/** Scores paragraphs with a loaded model: hashed features → linear heads → Platt calibration. */
import { CATEGORY_IDS, type CategoryId } from '../taxonomy';
import type { CategoryResult, ParagraphInput } from '../types';
import {
  addHeadingBlock,
  addWordBlock,
  charScale,
  normalizeBlock,
  scratch,
  tokenizeParagraph,
  type WordEntry,
} from './features';
import type { Model } from './model';

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

type Scratch = ReturnType<typeof scratch>;

/**
 * The summed int8 weights of a word's character n-grams, cached on the word entry (per weights
 * array). The character block is linear in the words (features.ts), so a paragraph's character
 * score is a sum of these.
 */
function charScore(model: Model, e: WordEntry): Float64Array {
  if (e.charScore && e.charScoreOf === model.weights) return e.charScore;
  const n = model.heads.length;
  const s = new Float64Array(n);
  const w = model.weights;
  const chars = e.chars;
  for (let i = 0; i < chars.length; i++) {
    let k = (chars[i] as number) * n;
    for (let h = 0; h < n; h++, k++) s[h] = (s[h] as number) + (w[k] as number);
  }
  e.charScore = s;
  e.charScoreOf = w;
  return s;
}

function dot(model: Model, acc: Scratch, out: Float64Array): void {
  const n = model.heads.length;
  const w = model.weights;
  for (let i = 0; i < acc.size; i++) {
    const b = acc.touched[i] as number;
    const v = acc.value[b] as number;
    let k = b * n;
    for (let h = 0; h < n; h++, k++) out[h] = (out[h] as number) + v * (w[k] as number);
  }
  acc.clear();
}

/** Linear scores of a token sequence: the same features as vectorOf, without building them. */
function score(model: Model, entries: WordEntry[], heading: WordEntry[] | null): Float64Array {
  const cfg = model.features;
  const n = model.heads.length;
  const out = new Float64Array(n);
  const acc = scratch(2 ** cfg.bits);
  addWordBlock(acc, entries, cfg);
  normalizeBlock(acc, 1);
  dot(model, acc, out);
  if (heading && heading.length > 0 && cfg.headingWeight > 0) {
    addHeadingBlock(acc, heading, cfg);
    normalizeBlock(acc, cfg.headingWeight);
    dot(model, acc, out);
  }
  const cs = charScale(entries, cfg);
  if (cs > 0) {
    for (const e of entries) {
      const c = charScore(model, e);
      for (let h = 0; h < n; h++) out[h] = (out[h] as number) + cs * (c[h] as number);
    }
  }
  for (let h = 0; h < n; h++) {
    out[h] = (out[h] as number) * (model.scale[h] as number) + (model.bias[h] as number);
  }
  return out;
}

/**
 * The two parts of a paragraph's score, per head: the whole paragraph's linear score and the
 * best of its sentences' (null for a one-sentence paragraph or a model without sentence mix).
 */
export function headLogitParts(
  model: Model,
  input: ParagraphInput,
): { whole: Float64Array; best: Float64Array | null } {
  const heading = input.isHeading ? undefined : input.heading;
  const t = tokenizeParagraph(
    { text: input.text, heading },
    model.features,
    model.features.sentenceMix > 0,
  );
  const whole = score(model, t.body, t.heading);
  if (t.sentences.length === 0) return { whole, best: null };
  const best = new Float64Array(whole.length).fill(-Infinity);
  for (const sentence of t.sentences) {
    const zs = score(model, sentence, null);
    for (let h = 0; h < best.length; h++) best[h] = Math.max(best[h] as number, zs[h] as number);
  }
  return { whole, best };
}

/** z = whole + mix * max(0, best - whole): one clear sentence is not drowned by a long paragraph. */
export function mixSentences(whole: number, best: number | undefined, mix: number): number {
  return best !== undefined && best > whole ? whole + mix * (best - whole) : whole;
}

/** Uncalibrated scores, one per head, with each head's sentence mix applied. */
export function headLogits(model: Model, input: ParagraphInput): Float64Array {
  const { whole, best } = headLogitParts(model, input);
  if (!best) return whole;
  for (let h = 0; h < whole.length; h++) {
    whole[h] = mixSentences(whole[h] as number, best[h], model.sentenceMix[h] as number);
  }
  return whole;
}

/** Calibrated probability per head (model.heads order). */
export function headScores(model: Model, input: ParagraphInput): Float64Array {
  return scoresFromLogits(model, headLogits(model, input));
}

/** Calibration and the second stage over one paragraph's mixed logits (headLogits). */
export function scoresFromLogits(model: Model, z: Float64Array): Float64Array {
  const n = z.length;
  const p = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    p[h] = sigmoid((model.calA[h] as number) * (z[h] as number) + (model.calB[h] as number));
  }
  const st = model.stack;
  if (!st) return p;
  // Second stage: each head's logit plus the other heads' first-stage scores (co-occurrence).
  const out = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    let s = (st.a[h] as number) * (z[h] as number) + (st.b[h] as number);
    for (let j = 0, k = h * n; j < n; j++, k++) s += (st.w[k] as number) * (p[j] as number);
    out[h] = sigmoid(s);
  }
  return out;
}

export interface ClassifyOptions {
  /**
   * Added to every per-label threshold (the popup's sensitivity setting: +0.1 shows fewer
   * labels, -0.1 more). Scores are calibrated, so one offset means the same on every label.
   */
  thresholdOffset?: number;
}

/** Per-category calibrated scores and the categories that pass their validation threshold. */
export function classifyParagraphs(
  model: Model,
  paragraphs: ParagraphInput[],
  options: ClassifyOptions = {},
): CategoryResult[] {
  const slots = CATEGORY_IDS.map((id) => model.heads.indexOf(id));
  const offset = options.thresholdOffset ?? 0;
  return paragraphs.map((p) => {
    const s = headScores(model, p);
    const scores = {} as Record<CategoryId, number>;
    const categories: CategoryId[] = [];
    CATEGORY_IDS.forEach((id, i) => {
      const h = slots[i] as number;
      const score = s[h] as number;
      scores[id] = Math.round(score * 1e4) / 1e4;
      const threshold = Math.min(0.99, Math.max(0.01, (model.thresholds[h] as number) + offset));
      if (score >= threshold) categories.push(id);
    });
    return { categories, scores };
  });
}
