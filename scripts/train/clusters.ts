/**
 * Word clusters learnt without labels (src/core/classifier/clusters.ts says what they are for):
 * positive PMI of each word with its neighbours, reduced to a few dense dimensions by a
 * randomised SVD (Halko et al. 2011), then spherical k-means at each granularity. Deterministic:
 * a seeded generator and count-then-alphabetical vocabulary order.
 */
import type { WordClusters } from '../../src/core/classifier/clusters';
import { normalize, stem, words } from '../../src/core/classifier/tokenize';
import { mulberry32 } from './random';

export interface ClusterRecipe {
  /** Number of clusters per level, coarse first (each < 65,536). */
  levels: number[];
  /** Dimensions kept from the SVD. */
  dims: number;
  /** Words seen fewer times get no cluster. */
  minCount: number;
  /** Neighbours counted on each side. */
  window: number;
  /** Context words: the most frequent this many. */
  contexts: number;
  seed: number;
}

type Rng = () => number;

function gaussian(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** The vocabulary (count >= minCount, most frequent first) and each text as vocabulary ids. */
function vocabulary(
  texts: string[],
  doStem: boolean,
  minCount: number,
): { vocab: string[]; docs: Int32Array[] } {
  const tokens = texts.map((t) => words(normalize(t)).map((w) => (doStem ? stem(w) : w)));
  const counts = new Map<string, number>();
  for (const doc of tokens) for (const w of doc) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts]
    .filter(([w, c]) => c >= minCount && !/\s/.test(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  return { vocab, docs: tokens.map((doc) => Int32Array.from(doc, (w) => id.get(w) ?? -1)) };
}

/** Sparse rows of positive PMI between words and context words (context counts ^ 0.75). */
function ppmiRows(
  docs: Int32Array[],
  V: number,
  C: number,
  window: number,
): { cols: Int32Array[]; vals: Float64Array[] } {
  const pairs: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  for (const doc of docs) {
    for (let i = 0; i < doc.length; i++) {
      const w = doc[i]!;
      if (w < 0) continue;
      const row = pairs[w]!;
      for (let d = -window; d <= window; d++) {
        const c = doc[i + d];
        if (d === 0 || c === undefined || c < 0 || c >= C) continue;
        row.set(c, (row.get(c) ?? 0) + 1 / Math.abs(d));
      }
    }
  }
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(C);
  let total = 0;
  pairs.forEach((row, w) => {
    for (const [c, n] of row) {
      rowSum[w] = rowSum[w]! + n;
      colSum[c] = colSum[c]! + n;
      total += n;
    }
  });
  let smoothTotal = 0;
  for (let c = 0; c < C; c++) smoothTotal += colSum[c]! ** 0.75;
  const cols: Int32Array[] = [];
  const vals: Float64Array[] = [];
  pairs.forEach((row, w) => {
    const entries = [...row]
      .map(([c, n]) => [c, Math.log((n * smoothTotal) / (rowSum[w]! * colSum[c]! ** 0.75))])
      .filter(([, v]) => v! > 0)
      .sort((a, b) => a[0]! - b[0]!);
    cols.push(Int32Array.from(entries, (e) => e[0]!));
    vals.push(Float64Array.from(entries, (e) => e[1]!));
  });
  void total;
  return { cols, vals };
}

/** Orthonormalises the k columns of a row-major n x k matrix in place (modified Gram-Schmidt). */
function orthonormalize(m: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += m[i * k + j]! * m[i * k + p]!;
      for (let i = 0; i < n; i++) m[i * k + j] = m[i * k + j]! - dot * m[i * k + p]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += m[i * k + j]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) m[i * k + j] = m[i * k + j]! / norm;
  }
}

/** Eigen-decomposition of a symmetric k x k matrix (cyclic Jacobi): values and column vectors. */
function symmetricEigen(
  a: Float64Array,
  k: number,
): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p]!;
          const arq = a[r * k + q]!;
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!;
          const aqr = a[q * k + r]!;
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: k }, (_, i) => a[i * k + i]!), vectors: v };
}

/**
 * Rank-`dims` word vectors U * sqrt(S) of the sparse V x C matrix (randomised SVD with two power
 * iterations), rows scaled to unit length.
 */
function embed(
  rows: { cols: Int32Array[]; vals: Float64Array[] },
  C: number,
  dims: number,
  rng: Rng,
): Float64Array {
  const V = rows.cols.length;
  const k = dims + 10;
  const times = (right: Float64Array): Float64Array => {
    // (V x C sparse) * (C x k dense)
    const out = new Float64Array(V * k);
    for (let w = 0; w < V; w++) {
      const cs = rows.cols[w]!;
      const vs = rows.vals[w]!;
      for (let e = 0; e < cs.length; e++) {
        const base = cs[e]! * k;
        const x = vs[e]!;
        for (let j = 0; j < k; j++) out[w * k + j] = out[w * k + j]! + x * right[base + j]!;
      }
    }
    return out;
  };
  const transposeTimes = (left: Float64Array): Float64Array => {
    // (C x V sparse) * (V x k dense)
    const out = new Float64Array(C * k);
    for (let w = 0; w < V; w++) {
      const cs = rows.cols[w]!;
      const vs = rows.vals[w]!;
      for (let e = 0; e < cs.length; e++) {
        const base = cs[e]! * k;
        const x = vs[e]!;
        for (let j = 0; j < k; j++) out[base + j] = out[base + j]! + x * left[w * k + j]!;
      }
    }
    return out;
  };
  const omega = Float64Array.from({ length: C * k }, () => gaussian(rng));
  let q = times(omega);
  orthonormalize(q, V, k);
  for (let it = 0; it < 2; it++) {
    const z = transposeTimes(q);
    orthonormalize(z, C, k);
    q = times(z);
    orthonormalize(q, V, k);
  }
  // B = Q^T M (k x C), stored as its transpose; B B^T = its eigenvectors give U = Q W.
  const bt = transposeTimes(q);
  const bbt = new Float64Array(k * k);
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < k; i++) {
      const x = bt[c * k + i]!;
      if (x === 0) continue;
      for (let j = 0; j < k; j++) bbt[i * k + j] = bbt[i * k + j]! + x * bt[c * k + j]!;
    }
  }
  const { values, vectors } = symmetricEigen(bbt, k);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, dims);
  const out = new Float64Array(V * dims);
  for (let w = 0; w < V; w++) {
    let norm = 0;
    order.forEach((col, d) => {
      let s = 0;
      for (let j = 0; j < k; j++) s += q[w * k + j]! * vectors[j * k + col]!;
      // singular value = sqrt(eigenvalue); weight by its square root
      const v = s * Math.max(values[col]!, 0) ** 0.25;
      out[w * dims + d] = v;
      norm += v * v;
    });
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[w * dims + d] = out[w * dims + d]! / norm;
  }
  return out;
}

/** Spherical k-means (k-means++ seeding, cosine): a cluster id per row. */
function sphericalKMeans(x: Float64Array, n: number, d: number, k: number, rng: Rng): Uint16Array {
  const centres = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rng() * n);
  for (let c = 0; c < k; c++) {
    centres.set(x.subarray(pick * d, pick * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += x[i * d + j]! * centres[c * d + j]!;
      nearest[i] = Math.min(nearest[i]!, Math.max(0, 1 - dot));
      total += nearest[i]! ** 2;
    }
    let r = rng() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= nearest[i]! ** 2;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  const assign = new Uint16Array(n);
  for (let iter = 0; iter < 25; iter++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += x[i * d + j]! * centres[c * d + j]!;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assign[i] !== arg || iter === 0) moved++;
      assign[i] = arg;
    }
    if (moved === 0) break;
    centres.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++)
        centres[assign[i]! * d + j] = centres[assign[i]! * d + j]! + x[i * d + j]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < d; j++) norm += centres[c * d + j]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) centres[c * d + j] = centres[c * d + j]! / norm;
    }
  }
  return assign;
}

/** Learns the cluster map from unlabelled texts; keys are tokens as features.ts makes them. */
export function learnClusters(
  texts: string[],
  doStem: boolean,
  recipe: ClusterRecipe,
): WordClusters {
  const rng = mulberry32(recipe.seed);
  const { vocab, docs } = vocabulary(texts, doStem, recipe.minCount);
  const V = vocab.length;
  const C = Math.min(recipe.contexts, V);
  const x = embed(ppmiRows(docs, V, C, recipe.window), C, recipe.dims, rng);
  const ids = recipe.levels.map((k) => sphericalKMeans(x, V, recipe.dims, Math.min(k, V), rng));
  return new Map(vocab.map((w, i) => [w, Uint16Array.from(ids, (level) => level[i]!)]));
}
