/**
 * One training recipe end to end: IDF on train, logistic regression, int8 quantisation, then
 * Platt calibration and thresholds on validation scores of the quantised model (so what is
 * tuned is exactly what ships).
 */
import {
  extractFeatures,
  featureKeys,
  headLogits,
  HEAD_IDS,
  loadModel,
  MODEL_FORMAT,
  MODEL_VERSION,
  type FeatureConfig,
  type Model,
  type ModelFile,
} from '../../src/core/classifier/index';
import { bestThreshold, fitPlatt } from './calibrate';
import type { Example } from './data';
import { trainLogReg, type LinearModel, type SgdOptions } from './logreg';

export interface Recipe {
  features: FeatureConfig;
  idf: boolean;
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

function computeIdf(train: Example[], cfg: FeatureConfig): ModelFile['idf'] {
  const buckets = 2 ** cfg.bits;
  const df = new Uint32Array(buckets);
  for (const ex of train) for (const k of featureKeys(ex, cfg)) df[k] = (df[k] as number) + 1;
  const n = train.length;
  const idf = Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
  const min = idf.reduce((a, b) => Math.min(a, b), Infinity);
  const step = (idf.reduce((a, b) => Math.max(a, b), -Infinity) - min) / 255 || 1;
  const q = Uint8Array.from(idf, (v) => Math.round((v - min) / step));
  return { min, step, data: Buffer.from(q).toString('base64') };
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
  const idfFile = recipe.idf ? computeIdf(train, cfg) : null;
  const idf = idfFile ? (loadIdf(idfFile, cfg) as Float32Array) : null;
  const x = train.map((ex) => extractFeatures(ex, cfg, idf));
  const H = HEAD_IDS.length;
  const linear = trainLogReg(
    { x, y: train.map((e) => e.soft ?? Float32Array.from(e.y)), weight: train.map((e) => e.weight) },
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
    idf: idfFile,
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
    file.thresholds[h] = bestThreshold(p, y);
  }
  return { file, model: loadModel(file) };
}

function loadIdf(idf: NonNullable<ModelFile['idf']>, cfg: FeatureConfig): Float32Array {
  const q = Buffer.from(idf.data, 'base64');
  const out = new Float32Array(2 ** cfg.bits);
  for (let i = 0; i < out.length; i++) out[i] = idf.min + (q[i] as number) * idf.step;
  return out;
}
