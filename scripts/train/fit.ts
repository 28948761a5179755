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
  mixSentences,
  MODEL_FORMAT,
  MODEL_VERSION,
  type FeatureConfig,
  type Model,
  type SparseVector,
  type ModelFile,
} from '../../src/core/classifier/index';
import { fitStackHead, pickThreshold, tuneHead, type ThresholdRule } from './calibrate';
import { fnv1a } from '../../src/core/classifier/hash';
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
    /** NBSVM feature scaling with this smoothing (0 or absent: off); see nbScales. */
    nbAlpha?: number;
    /**
     * With nbAlpha: average the NBSVM model with a plain one (one linear model of the same
     * size and cost: both score the same features).
     */
    nbBlend?: boolean;
  };
  /** Second stage on validation (label co-occurrence, model.ts `stack`) with this L2; off if absent. */
  stackL2?: number;
  /** Threshold rule per head (calibrate.ts); default 'shrunk'. */
  threshold?: ThresholdRule;
  /**
   * Also tune (calibration, second stage, thresholds) on out-of-fold scores of the OPP-115
   * training segments: each fold's segments scored by a model trained without them (and
   * without their span sentences). Validation alone has 6-14 positives of the rare labels.
   */
  outOfFold?: number;
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

/**
 * NBSVM log-count ratios per feature and head (Wang & Manning 2012): r = log of the feature's
 * share among positive examples over its share among negatives, each smoothed by `alpha`.
 * Features that tell the classes apart get large |r|; features common to both are damped.
 */
function nbScales(
  x: SparseVector[],
  y: ArrayLike<number>[],
  weight: number[],
  dim: number,
  heads: number,
  alpha: number,
): Float32Array {
  const pos = new Float64Array(dim * heads).fill(alpha);
  const neg = new Float64Array(dim * heads).fill(alpha);
  x.forEach((xi, i) => {
    const yi = y[i] as ArrayLike<number>;
    const w = weight[i] as number;
    for (const f of xi.index) {
      for (let h = 0; h < heads; h++) {
        const t = yi[h] as number;
        if (t < 0) continue;
        pos[f * heads + h] = (pos[f * heads + h] as number) + w * t;
        neg[f * heads + h] = (neg[f * heads + h] as number) + w * (1 - t);
      }
    }
  });
  const out = new Float32Array(dim * heads);
  for (let h = 0; h < heads; h++) {
    let p = 0;
    let q = 0;
    for (let f = 0; f < dim; f++) {
      p += pos[f * heads + h] as number;
      q += neg[f * heads + h] as number;
    }
    for (let f = 0; f < dim; f++) {
      const k = f * heads + h;
      out[k] = Math.log((pos[k] as number) / p / ((neg[k] as number) / q));
    }
  }
  return out;
}

/** Trains the recipe's linear heads; calibration and thresholds are left neutral. */
function trainFile(train: Example[], recipe: Recipe, meta: Record<string, unknown>): ModelFile {
  const cfg = recipe.features;
  const H = HEAD_IDS.length;
  const x = train.map((ex) => extractFeatures(ex, cfg));
  const alpha = recipe.sgd.nbAlpha ?? 0;
  const y = train.map((e) => e.soft ?? Float32Array.from(e.y));
  const data = {
    x,
    y,
    weight: train.map((e) => e.weight),
  };
  const options = { ...recipe.sgd, posWeight: positiveWeights(train, recipe) };
  const dim = 2 ** cfg.bits;
  const scale =
    alpha > 0
      ? nbScales(
          x,
          y,
          train.map((e) => e.weight),
          dim,
          H,
          alpha,
        )
      : undefined;
  const linear = trainLogReg(data, dim, H, { ...options, featureScale: scale });
  if (scale && recipe.sgd.nbBlend) {
    const plain = trainLogReg(data, dim, H, options);
    for (let k = 0; k < linear.w.length; k++) {
      linear.w[k] = ((linear.w[k] as number) + (plain.w[k] as number)) / 2;
    }
    for (let h = 0; h < H; h++)
      linear.b[h] = ((linear.b[h] as number) + (plain.b[h] as number)) / 2;
  }
  return {
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
}

type Parts = ReturnType<typeof headLogitParts>;

/** Sets each head's sentence mix, Platt scaling and threshold from held-out scores. */
export function tune(file: ModelFile, parts: Parts[], held: Example[], recipe: Recipe): void {
  const cfg = recipe.features;
  const choices = recipe.sentenceMixChoices ?? [cfg.sentenceMix];
  file.sentenceMix = new Array<number>(HEAD_IDS.length).fill(cfg.sentenceMix);
  for (let h = 0; h < HEAD_IDS.length; h++) {
    const { idx, y } = column(held, h);
    const t = tuneHead(
      idx.map((i) => parts[i]?.whole[h] as number),
      idx.map((i) => parts[i]?.best?.[h]),
      y,
      choices,
      recipe.threshold,
    );
    file.sentenceMix[h] = t.mix;
    file.calibration.a[h] = t.a;
    file.calibration.b[h] = t.b;
    file.thresholds[h] = t.threshold;
  }
  if (recipe.stackL2 !== undefined) stack(file, parts, held, recipe.stackL2, recipe.threshold);
}

/** Fits the second stage (model.ts `stack`) on held-out scores and re-picks the thresholds. */
function stack(
  file: ModelFile,
  parts: Parts[],
  held: Example[],
  l2: number,
  rule: ThresholdRule = 'shrunk',
): void {
  const H = HEAD_IDS.length;
  const mix = file.sentenceMix ?? [];
  const z = parts.map((p) =>
    HEAD_IDS.map((_, h) => mixSentences(p.whole[h] as number, p.best?.[h], mix[h] as number)),
  );
  const p1 = z.map((zi) =>
    zi.map((v, h) => 1 / (1 + Math.exp(-(file.calibration.a[h]! * v + file.calibration.b[h]!)))),
  );
  const st = { a: [] as number[], b: [] as number[], w: new Array<number>(H * H).fill(0) };
  for (let h = 0; h < H; h++) {
    const { idx, y } = column(held, h);
    const others = HEAD_IDS.map((_, j) => j).filter((j) => j !== h);
    const x = idx.map((i) => [z[i]![h]!, ...others.map((j) => p1[i]![j]!)]);
    const pos = y.filter((t) => t === 1).length;
    if (pos === 0 || pos === y.length) {
      st.a.push(file.calibration.a[h]!);
      st.b.push(file.calibration.b[h]!);
      continue;
    }
    const w = fitStackHead(x, y, l2);
    st.a.push(w[0]!);
    st.b.push(w[x[0]!.length]!);
    others.forEach((j, k) => (st.w[h * H + j] = w[k + 1]!));
    const p = x.map(
      (xi) => 1 / (1 + Math.exp(-xi.reduce((s, v, j) => s + w[j]! * v, w[xi.length]!))),
    );
    file.thresholds[h] = pickThreshold(p, y, rule);
  }
  file.stack = st;
}

export interface TuningSet {
  examples: Example[];
  parts: Parts[];
}

/**
 * Out-of-fold scores of the OPP-115 training segments (`tuneable`): fold k is scored by a model
 * trained on everything except fold k's groups (segments or policies, with their sentences).
 */
export function outOfFold(train: Example[], recipe: Recipe, folds: number): TuningSet {
  const fold = (ex: Example): number => fnv1a(ex.group ?? '') % folds;
  const scored = train.filter((ex) => ex.tuneable === true);
  const out: TuningSet = { examples: [], parts: [] };
  for (let k = 0; k < folds; k++) {
    const m = loadModel(
      trainFile(
        train.filter((ex) => ex.group === undefined || fold(ex) !== k),
        recipe,
        {},
      ),
    );
    for (const ex of scored.filter((e) => fold(e) === k)) {
      out.examples.push(ex);
      out.parts.push(headLogitParts(m, ex));
    }
  }
  return out;
}

/**
 * Trains on `train`, then calibrates and picks thresholds (and the second stage) on `valid`,
 * plus the out-of-fold training scores when the recipe asks for them (returned as `extra`).
 */
export function fitModel(
  train: Example[],
  valid: Example[],
  recipe: Recipe,
  meta: Record<string, unknown> = {},
): { file: ModelFile; model: Model; extra: TuningSet } {
  const file = trainFile(train, recipe, meta);
  const raw = loadModel(file);
  const extra = recipe.outOfFold
    ? outOfFold(train, recipe, recipe.outOfFold)
    : { examples: [], parts: [] };
  tune(
    file,
    [...valid.map((ex) => headLogitParts(raw, ex)), ...extra.parts],
    [...valid, ...extra.examples],
    recipe,
  );
  return { file, model: loadModel(file), extra };
}
