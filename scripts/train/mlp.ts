/**
 * One-hidden-layer network over the same hashed sparse features as the linear heads:
 * h = relu(E^T x + b1), z = W2 h + b2. Sparse AdaGrad on the touched rows of E, seeded.
 */
import type { SparseVector } from '../../src/core/classifier/index';
import type { TrainSet } from './logreg';
import { mulberry32, shuffle } from './random';

export interface MlpOptions {
  hidden: number;
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
  averageFrom?: number;
  dropout?: number;
  /** Scale of the uniform initialisation of E. */
  init?: number;
  /** Loss weight per output (auxiliary heads that are trained but not shipped); default 1. */
  outputWeight?: Float32Array;
}

export interface MlpModel {
  dim: number;
  hidden: number;
  heads: number;
  /** Feature-major: E[feature * hidden + unit]. */
  e: Float32Array;
  b1: Float32Array;
  /** Head-major: w2[head * hidden + unit]. */
  w2: Float32Array;
  b2: Float32Array;
}

export function mlpHidden(m: MlpModel, x: SparseVector, a: Float32Array): void {
  const D = m.hidden;
  a.set(m.b1);
  for (let i = 0; i < x.index.length; i++) {
    const base = (x.index[i] as number) * D;
    const v = x.value[i] as number;
    for (let d = 0; d < D; d++) a[d] = (a[d] as number) + v * (m.e[base + d] as number);
  }
}

export function mlpLogits(m: MlpModel, x: SparseVector, out = new Float64Array(m.heads)): Float64Array {
  const D = m.hidden;
  const a = new Float32Array(D);
  mlpHidden(m, x, a);
  for (let h = 0; h < m.heads; h++) {
    let s = m.b2[h] as number;
    for (let d = 0; d < D; d++) {
      const ad = a[d] as number;
      if (ad > 0) s += ad * (m.w2[h * D + d] as number);
    }
    out[h] = s;
  }
  return out;
}

export function trainMlp(data: TrainSet, dim: number, heads: number, opt: MlpOptions): MlpModel {
  const D = opt.hidden;
  const H = heads;
  const rand = mulberry32(opt.seed);
  const init = opt.init ?? 0.1;
  const m: MlpModel = {
    dim,
    hidden: D,
    heads: H,
    e: new Float32Array(dim * D),
    b1: new Float32Array(D),
    w2: new Float32Array(H * D),
    b2: new Float32Array(H),
  };
  for (let k = 0; k < m.e.length; k++) m.e[k] = (rand() * 2 - 1) * init;
  for (let k = 0; k < m.w2.length; k++) m.w2[k] = (rand() * 2 - 1) * Math.sqrt(3 / D);
  for (let d = 0; d < D; d++) m.b1[d] = 0.01;
  const ge = new Float32Array(dim * D).fill(1e-6);
  const gb1 = new Float32Array(D).fill(1e-6);
  const gw2 = new Float32Array(H * D).fill(1e-6);
  const gb2 = new Float32Array(H).fill(1e-6);
  const a = new Float32Array(D);
  const hmask = new Float32Array(D);
  const gz = new Float32Array(H);
  const da = new Float32Array(D);
  const order = data.x.map((_, i) => i);
  const from = opt.averageFrom ?? 0;
  const avg =
    from > 0
      ? {
          e: new Float64Array(dim * D),
          b1: new Float64Array(D),
          w2: new Float64Array(H * D),
          b2: new Float64Array(H),
          n: 0,
        }
      : null;
  const drop = opt.dropout ?? 0;
  const lr = opt.lr;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    shuffle(order, rand);
    for (const n of order) {
      const x = data.x[n] as SparseVector;
      const y = data.y[n] as Float32Array;
      const sw = data.weight[n] as number;
      mlpHidden(m, x, a);
      for (let d = 0; d < D; d++) {
        const keep = drop > 0 ? (rand() < drop ? 0 : 1 / (1 - drop)) : 1;
        hmask[d] = (a[d] as number) > 0 ? keep : 0;
      }
      let any = false;
      for (let h = 0; h < H; h++) {
        const t = y[h] as number;
        if (t < 0) {
          gz[h] = 0;
          continue;
        }
        let s = m.b2[h] as number;
        for (let d = 0; d < D; d++) s += (a[d] as number) * (hmask[d] as number) * (m.w2[h * D + d] as number);
        const p = 1 / (1 + Math.exp(-s));
        gz[h] = sw * (p - t) * (opt.outputWeight ? (opt.outputWeight[h] as number) : 1);
        any = true;
      }
      if (!any) continue;
      da.fill(0);
      for (let h = 0; h < H; h++) {
        const g = gz[h] as number;
        if (g === 0) continue;
        gb2[h] = (gb2[h] as number) + g * g;
        m.b2[h] = (m.b2[h] as number) - (lr * g) / Math.sqrt(gb2[h] as number);
        for (let d = 0; d < D; d++) {
          const hm = hmask[d] as number;
          if (hm === 0) continue;
          const k = h * D + d;
          da[d] = (da[d] as number) + g * (m.w2[k] as number) * hm;
          const grad = g * (a[d] as number) * hm + opt.l2 * (m.w2[k] as number);
          gw2[k] = (gw2[k] as number) + grad * grad;
          m.w2[k] = (m.w2[k] as number) - (lr * grad) / Math.sqrt(gw2[k] as number);
        }
      }
      for (let d = 0; d < D; d++) {
        const g = da[d] as number;
        if (g === 0) continue;
        gb1[d] = (gb1[d] as number) + g * g;
        m.b1[d] = (m.b1[d] as number) - (lr * g) / Math.sqrt(gb1[d] as number);
      }
      for (let i = 0; i < x.index.length; i++) {
        const base = (x.index[i] as number) * D;
        const v = x.value[i] as number;
        for (let d = 0; d < D; d++) {
          const g = da[d] as number;
          if (g === 0) continue;
          const k = base + d;
          const grad = g * v + opt.l2 * (m.e[k] as number);
          ge[k] = (ge[k] as number) + grad * grad;
          m.e[k] = (m.e[k] as number) - (lr * grad) / Math.sqrt(ge[k] as number);
        }
      }
    }
    if (avg && epoch + 1 >= from) {
      for (let k = 0; k < m.e.length; k++) avg.e[k] = (avg.e[k] as number) + (m.e[k] as number);
      for (let k = 0; k < D; k++) avg.b1[k] = (avg.b1[k] as number) + (m.b1[k] as number);
      for (let k = 0; k < m.w2.length; k++) avg.w2[k] = (avg.w2[k] as number) + (m.w2[k] as number);
      for (let k = 0; k < H; k++) avg.b2[k] = (avg.b2[k] as number) + (m.b2[k] as number);
      avg.n++;
    }
  }
  if (avg && avg.n > 0) {
    for (let k = 0; k < m.e.length; k++) m.e[k] = (avg.e[k] as number) / avg.n;
    for (let k = 0; k < D; k++) m.b1[k] = (avg.b1[k] as number) / avg.n;
    for (let k = 0; k < m.w2.length; k++) m.w2[k] = (avg.w2[k] as number) / avg.n;
    for (let k = 0; k < H; k++) m.b2[k] = (avg.b2[k] as number) / avg.n;
  }
  return m;
}
