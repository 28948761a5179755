/** Scores paragraphs with a loaded model: hashed features → linear heads → Platt calibration. */
import { CATEGORY_IDS, type CategoryId } from '../taxonomy';
import type { CategoryResult, ParagraphInput } from '../types';
import { paragraphFeatures, type SparseVector } from './features';
import type { Model } from './model';

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Adds the linear scores of one sparse vector to `acc` (int8 weights, scale applied later). */
function accumulate(model: Model, x: SparseVector, acc: Float64Array): Float64Array {
  const n = model.heads.length;
  const w = model.weights;
  const idx = x.index;
  const val = x.value;
  for (let i = 0; i < idx.length; i++) {
    let k = (idx[i] as number) * n;
    const v = val[i] as number;
    for (let h = 0; h < n; h++, k++) acc[h] = (acc[h] as number) + v * (w[k] as number);
  }
  return acc;
}

function finish(model: Model, acc: Float64Array): Float64Array {
  for (let h = 0; h < acc.length; h++) {
    acc[h] = (acc[h] as number) * (model.scale[h] as number) + (model.bias[h] as number);
  }
  return acc;
}

/**
 * Uncalibrated scores, one per head: the whole paragraph's, moved by `sentenceMix` towards its
 * best sentence's when that is higher, so one clear sentence is not drowned by a long paragraph.
 */
export function headLogits(model: Model, input: ParagraphInput): Float64Array {
  const n = model.heads.length;
  const heading = input.isHeading ? undefined : input.heading;
  const mix = model.features.sentenceMix;
  const { whole, sentences } = paragraphFeatures(
    { text: input.text, heading },
    model.features,
    model.idf,
    mix > 0,
  );
  const z = finish(model, accumulate(model, whole, new Float64Array(n)));
  if (sentences.length === 0) return z;
  const best = new Float64Array(n).fill(-Infinity);
  const zs = new Float64Array(n);
  for (const s of sentences) {
    zs.fill(0);
    finish(model, accumulate(model, s, zs));
    for (let h = 0; h < n; h++) best[h] = Math.max(best[h] as number, zs[h] as number);
  }
  for (let h = 0; h < n; h++) {
    const gap = (best[h] as number) - (z[h] as number);
    if (gap > 0) z[h] = (z[h] as number) + mix * gap;
  }
  return z;
}

/** Calibrated probability per head (model.heads order). */
export function headScores(model: Model, input: ParagraphInput): Float64Array {
  const z = headLogits(model, input);
  for (let h = 0; h < z.length; h++) {
    z[h] = sigmoid((model.calA[h] as number) * (z[h] as number) + (model.calB[h] as number));
  }
  return z;
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
