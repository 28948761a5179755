/**
 * Multi-output logistic regression over hashed sparse features, trained with AdaGrad SGD and
 * L2 on the touched weights. Heads share the features but not the weights; a target of -1
 * (unknown for this corpus) contributes no gradient.
 */
import type { SparseVector } from '../../src/core/classifier/index';
import { mulberry32, shuffle } from './random';

export interface SgdOptions {
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
  /** Extra weight of positive targets per head (rare labels); 1 = none. */
  posWeight: number[];
  /**
   * Average the weights over the epochs from this one on (Polyak averaging, 1-based); 0 or
   * absent: keep the last epoch's weights.
   */
  averageFrom?: number;
  /**
   * Fixed per-weight feature scales (index `feature * heads + head`), as in NBSVM (Wang & Manning
   * 2012): head h sees feature f multiplied by scale[f * heads + h]. The returned weights have
   * the scales folded in, so the model scores plain features.
   */
  featureScale?: Float32Array;
}

export interface LinearModel {
  heads: number;
  dim: number;
  /** Feature-major: w[feature * heads + head]. */
  w: Float32Array;
  b: Float32Array;
}

export interface TrainSet {
  x: SparseVector[];
  /** Per head: a target in [0, 1], or -1 when unknown. */
  y: Float32Array[];
  weight: number[];
}

export function logits(
  m: LinearModel,
  x: SparseVector,
  out = new Float32Array(m.heads),
  scale?: Float32Array,
): Float32Array {
  const H = m.heads;
  out.set(m.b);
  for (let i = 0; i < x.index.length; i++) {
    const base = (x.index[i] as number) * H;
    const v = x.value[i] as number;
    for (let h = 0; h < H; h++) {
      const s = scale ? (scale[base + h] as number) : 1;
      out[h] = (out[h] as number) + v * s * (m.w[base + h] as number);
    }
  }
  return out;
}

export function trainLogReg(
  data: TrainSet,
  dim: number,
  heads: number,
  opt: SgdOptions,
): LinearModel {
  const H = heads;
  const m: LinearModel = { heads: H, dim, w: new Float32Array(dim * H), b: new Float32Array(H) };
  const gw = new Float32Array(dim * H).fill(1e-6);
  const gb = new Float32Array(H).fill(1e-6);
  const rand = mulberry32(opt.seed);
  const order = data.x.map((_, i) => i);
  const z = new Float32Array(H);
  const g = new Float32Array(H);
  const scale = opt.featureScale;
  const from = opt.averageFrom ?? 0;
  const avg = from > 0 ? { w: new Float64Array(dim * H), b: new Float64Array(H), n: 0 } : null;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    shuffle(order, rand);
    for (const n of order) {
      const x = data.x[n] as SparseVector;
      const y = data.y[n] as Float32Array;
      const sw = data.weight[n] as number;
      logits(m, x, z, scale);
      for (let h = 0; h < H; h++) {
        const t = y[h] as number;
        if (t < 0) {
          g[h] = 0;
          continue;
        }
        const p = 1 / (1 + Math.exp(-(z[h] as number)));
        g[h] = sw * (p - t) * (1 + t * ((opt.posWeight[h] ?? 1) - 1));
        gb[h] = (gb[h] as number) + (g[h] as number) ** 2;
        m.b[h] = (m.b[h] as number) - (opt.lr * (g[h] as number)) / Math.sqrt(gb[h] as number);
      }
      for (let i = 0; i < x.index.length; i++) {
        const base = (x.index[i] as number) * H;
        const v = x.value[i] as number;
        for (let h = 0; h < H; h++) {
          const gh = g[h] as number;
          if (gh === 0) continue;
          const k = base + h;
          const grad = gh * v * (scale ? (scale[k] as number) : 1) + opt.l2 * (m.w[k] as number);
          gw[k] = (gw[k] as number) + grad * grad;
          m.w[k] = (m.w[k] as number) - (opt.lr * grad) / Math.sqrt(gw[k] as number);
        }
      }
    }
    if (avg && epoch + 1 >= from) {
      for (let k = 0; k < m.w.length; k++) avg.w[k] = (avg.w[k] as number) + (m.w[k] as number);
      for (let h = 0; h < H; h++) avg.b[h] = (avg.b[h] as number) + (m.b[h] as number);
      avg.n++;
    }
  }
  if (avg && avg.n > 0) {
    for (let k = 0; k < m.w.length; k++) m.w[k] = (avg.w[k] as number) / avg.n;
    for (let h = 0; h < H; h++) m.b[h] = (avg.b[h] as number) / avg.n;
  }
  if (scale)
    for (let k = 0; k < m.w.length; k++) m.w[k] = (m.w[k] as number) * (scale[k] as number);
  return m;
}
