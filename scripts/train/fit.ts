/**
 * One training recipe end to end: IDF on train, logistic regression, int8 quantisation, then
 * Platt calibration and thresholds on validation scores of the quantised model (so what is
 * tuned is exactly what ships).
 */
import {
  extractFeatures,
  headLogitParts,
  HEAD_IDS,
  loadModel,
  MODEL_FORMAT,
  MODEL_VERSION,
  type FeatureConfig,
  type Model,
  type ModelFile,
} from '../../src/core/classifier/index';
import { tuneHead } from './calibrate';
import type { Example } from './data';
import { trainLogReg, type LinearModel, type SgdOptions } from './logreg';

export interface Recipe {
  features: FeatureConfig;
  /** Sentence-mix values tried per head on validation (first preferred); default: the config's. */
  sentenceMixChoices?: number[];
  sgd: Omit<SgdOptions, 'posWeight'> & {
    posWeight: number;
    /** Positives of head h weigh posWeight * (negatives / positives)^balance (rare labels). */
    balance: number;
    /**
     * Train this many models with seeds seed, seed + 1, ... and average their weights (one linear
     * model, so no run-time cost); default 1.
     */
    bag?: number;
  };
}

function positiveWeights(train: Example[], recipe: Recipe): number[] {
  return HEAD_IDS.map((_, h) => {
    let pos = 0;
    let neg = 0;
    for (const ex of train) {
      if (ex.y[h] === 1) pos += ex.weight;
      else if (ex.y[h] === 0) neg += ex.weight;
    }
    const ratio = pos > 0 && neg > 0 ? neg / pos : 1;
    return recipe.sgd.posWeight * ratio ** recipe.sgd.balance;
  });
}

function quantize(m: LinearModel): ModelFile['weights'] {
  const scale: number[] = [];
  const q = new Int8Array(m.w.length);
  for (let h = 0; h < m.heads; h++) {
    let max = 0;
    for (let f = h; f < m.w.length; f += m.heads) max = Math.max(max, Math.abs(m.w[f] as number));
    const s = max / 127 || 1;
    scale.push(s);
    for (let f = h; f < m.w.length; f += m.heads) q[f] = Math.round((m.w[f] as number) / s);
  }
  return { scale, data: Buffer.from(q.buffer).toString('base64') };
}

/** Known targets of one head across examples, with the example indices they come from. */
function column(examples: Example[], h: number): { idx: number[]; y: number[] } {
  const idx: number[] = [];
  const y: number[] = [];
  examples.forEach((ex, i) => {
    const t = ex.y[h] as number;
    if (t >= 0) {
      idx.push(i);
      y.push(t);
    }
  });
  return { idx, y };
}

export function fitModel(
  train: Example[],
  valid: Example[],
  recipe: Recipe,
  meta: Record<string, unknown> = {},
): { file: ModelFile; model: Model } {
  const cfg = recipe.features;
  const x = train.map((ex) => extractFeatures(ex, cfg));
  const H = HEAD_IDS.length;
  const data = { x, y: train.map((e) => Float32Array.from(e.y)), weight: train.map((e) => e.weight) };
  const posWeight = positiveWeights(train, recipe);
  const bag = recipe.sgd.bag ?? 1;
  let linear: LinearModel | null = null;
  for (let k = 0; k < bag; k++) {
    const m = trainLogReg(data, 2 ** cfg.bits, H, {
      ...recipe.sgd,
      seed: recipe.sgd.seed + k,
      posWeight,
    });
    if (!linear) linear = m;
    else {
      for (let i = 0; i < m.w.length; i++) linear.w[i] = (linear.w[i] as number) + (m.w[i] as number);
      for (let h = 0; h < H; h++) linear.b[h] = (linear.b[h] as number) + (m.b[h] as number);
    }
  }
  if (!linear) throw new Error('bag must be at least 1');
  if (bag > 1) {
    for (let i = 0; i < linear.w.length; i++) linear.w[i] = (linear.w[i] as number) / bag;
    for (let h = 0; h < H; h++) linear.b[h] = (linear.b[h] as number) / bag;
  }
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    heads: [...HEAD_IDS],
    features: cfg,
    weights: quantize(linear),
    bias: Array.from(linear.b),
    calibration: { a: new Array<number>(H).fill(1), b: new Array<number>(H).fill(0) },
    thresholds: new Array<number>(H).fill(0.5),
    meta,
  };
  const raw = loadModel(file);
  const parts = valid.map((ex) => headLogitParts(raw, ex));
  const choices = recipe.sentenceMixChoices ?? [cfg.sentenceMix];
  file.sentenceMix = new Array<number>(H).fill(cfg.sentenceMix);
  for (let h = 0; h < H; h++) {
    const { idx, y } = column(valid, h);
    const whole = idx.map((i) => parts[i]?.whole[h] as number);
    const best = idx.map((i) => parts[i]?.best?.[h]);
    const t = tuneHead(whole, best, y, choices);
    file.sentenceMix[h] = t.mix;
    file.calibration.a[h] = t.a;
    file.calibration.b[h] = t.b;
    file.thresholds[h] = t.threshold;
  }
  return { file, model: loadModel(file) };
}
