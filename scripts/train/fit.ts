/**
 * One training recipe end to end: IDF on train, logistic regression, int8 quantisation, then
 * Platt calibration and thresholds on validation scores of the quantised model (so what is
 * tuned is exactly what ships).
 */
import {
  extractFeatures,
  headLogits,
  HEAD_IDS,
  loadModel,
  MODEL_FORMAT,
  MODEL_VERSION,
  type FeatureConfig,
  type Model,
  type ModelFile,
} from '../../src/core/classifier/index';
import { fitPlatt, shrunkThreshold } from './calibrate';
import type { Example } from './data';
import { trainLogReg, type LinearModel, type SgdOptions } from './logreg';

export interface Recipe {
  features: FeatureConfig;
  sgd: Omit<SgdOptions, 'posWeight'> & {
    posWeight: number;
    /** Positives of head h weigh posWeight * (negatives / positives)^balance (rare labels). */
    balance: number;
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
  const linear = trainLogReg(
    { x, y: train.map((e) => Float32Array.from(e.y)), weight: train.map((e) => e.weight) },
    2 ** cfg.bits,
    H,
    { ...recipe.sgd, posWeight: positiveWeights(train, recipe) },
  );
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
  const z = valid.map((ex) => headLogits(raw, ex));
  for (let h = 0; h < H; h++) {
    const { idx, y } = column(valid, h);
    const zh = idx.map((i) => z[i]?.[h] as number);
    const platt = fitPlatt(zh, y);
    file.calibration.a[h] = platt.a;
    file.calibration.b[h] = platt.b;
    const p = zh.map((v) => 1 / (1 + Math.exp(-(platt.a * v + platt.b))));
    file.thresholds[h] = shrunkThreshold(p, y);
  }
  return { file, model: loadModel(file) };
}
