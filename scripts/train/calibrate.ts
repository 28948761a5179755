/** Platt scaling and per-head threshold choice, both fitted on validation scores only. */

export interface Platt {
  a: number;
  b: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function plattLoss(z: number[], t: number[], a: number, b: number): number {
  let loss = 0;
  for (let i = 0; i < z.length; i++) {
    const s = a * (z[i] as number) + b;
    // log(1 + e^s) - t s, written to stay finite for large |s|.
    loss += Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s))) - (t[i] as number) * s;
  }
  return loss;
}

/** Fits p = sigmoid(a z + b) by damped Newton steps on Platt's smoothed targets. */
export function fitPlatt(z: number[], y: number[]): Platt {
  const pos = y.filter((t) => t === 1).length;
  const neg = y.length - pos;
  if (pos === 0 || neg === 0) return { a: 1, b: 0 };
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = y.map((v) => (v === 1 ? hi : lo));
  let a = 1;
  let b = 0;
  let loss = plattLoss(z, t, a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (let i = 0; i < z.length; i++) {
      const zi = z[i] as number;
      const p = sigmoid(a * zi + b);
      const d = p - (t[i] as number);
      const w = p * (1 - p);
      ga += d * zi;
      gb += d;
      haa += w * zi * zi;
      hab += w * zi;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Backtrack until the loss goes down; Newton alone overshoots on separable heads.
    let step = 1;
    while (step > 1e-6 && plattLoss(z, t, a - step * da, b - step * db) > loss) step /= 2;
    if (step <= 1e-6) break;
    a -= step * da;
    b -= step * db;
    const next = plattLoss(z, t, a, b);
    if (loss - next < 1e-10) break;
    loss = next;
  }
  return { a, b };
}

/**
 * The threshold on calibrated scores that maximises F1 on validation, placed halfway between
 * the two neighbouring scores so that it does not sit on one example. Without positives: 0.5.
 */
export function bestThreshold(p: number[], y: number[]): number {
  return bestCut(p, y).threshold;
}

/**
 * The threshold that ships: halfway between the validation optimum and half the best F1 (for
 * calibrated scores the F1-optimal threshold is F1* / 2, Lipton et al. 2014). On split-half
 * checks of validation it generalised better than the raw optimum, which chases a handful of
 * examples on rare labels (do-not-track has 6 validation positives).
 */
export function shrunkThreshold(p: number[], y: number[]): number {
  const { threshold, f1 } = bestCut(p, y);
  return f1 > 0 ? (threshold + f1 / 2) / 2 : threshold;
}

function bestCut(p: number[], y: number[]): { threshold: number; f1: number } {
  const pos = y.filter((t) => t === 1).length;
  if (pos === 0) return { threshold: 0.5, f1: 0 };
  const order = p.map((_, i) => i).sort((i, j) => (p[j] as number) - (p[i] as number));
  let tp = 0;
  let fp = 0;
  let best = -1;
  let threshold = 0.5;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (y[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    // Only cut between distinct scores.
    if (next !== undefined && p[next] === p[i]) continue;
    const f1 = (2 * tp) / (2 * tp + fp + (pos - tp));
    if (f1 > best) {
      best = f1;
      threshold =
        next === undefined ? (p[i] as number) / 2 : ((p[i] as number) + (p[next] as number)) / 2;
    }
  }
  return { threshold, f1: best };
}

export function f1At(p: number[], y: number[], threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  p.forEach((v, i) => {
    if (v >= threshold && y[i] === 1) tp++;
    else if (v >= threshold) fp++;
    else if (y[i] === 1) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

export interface HeadTuning extends Platt {
  mix: number;
  threshold: number;
  f1: number;
}

/**
 * Chooses one head's sentence mix (from `choices`, earlier ones preferred on ties), then its
 * Platt scaling and threshold, on validation scores: `whole` and `best` are the paragraph's and
 * its best sentence's uncalibrated scores.
 */
/** How a head's threshold is picked from validation scores (see shrunkThreshold). */
export type ThresholdRule = 'shrunk' | 'half-f1' | 'optimal' | 'bagged';

/**
 * The F1-optimal threshold averaged over bootstrap resamples of the validation scores: a rare
 * label's optimum jumps with a handful of examples, the average much less. Seeded: deterministic.
 */
function baggedThreshold(p: number[], y: number[], rounds = 50): number {
  let state = 0x9e3779b9;
  const next = (): number => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
  let sum = 0;
  for (let r = 0; r < rounds; r++) {
    const ps: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < p.length; i++) {
      const k = Math.floor(next() * p.length);
      ps.push(p[k] as number);
      ys.push(y[k] as number);
    }
    sum += bestCut(ps, ys).threshold;
  }
  return sum / rounds;
}

export function pickThreshold(p: number[], y: number[], rule: ThresholdRule = 'shrunk'): number {
  if (rule === 'shrunk') return shrunkThreshold(p, y);
  if (rule === 'bagged') return baggedThreshold(p, y);
  const cut = bestCut(p, y);
  return rule === 'half-f1' && cut.f1 > 0 ? cut.f1 / 2 : cut.threshold;
}

export function tuneHead(
  whole: number[],
  best: (number | undefined)[],
  y: number[],
  choices: number[],
  rule: ThresholdRule = 'shrunk',
): HeadTuning {
  let chosen: HeadTuning | null = null;
  for (const mix of choices) {
    const z = whole.map((w, i) => {
      const b = best[i];
      return b !== undefined && b > w ? w + mix * (b - w) : w;
    });
    const platt = fitPlatt(z, y);
    const p = z.map((v) => sigmoid(platt.a * v + platt.b));
    const threshold = pickThreshold(p, y, rule);
    const f1 = f1At(p, y, threshold);
    if (!chosen || f1 > chosen.f1 + 1e-9) chosen = { ...platt, mix, threshold, f1 };
  }
  if (!chosen) throw new Error('tuneHead needs at least one sentence-mix choice');
  return chosen;
}

/**
 * Second-stage logistic regression of one head (label co-occurrence): inputs are the head's own
 * logit (first column, unpenalised, starts at 1) and the other heads' first-stage calibrated
 * scores (L2 `l2`). Deterministic full-batch AdaGrad. Returns the weights and then the bias.
 */
export function fitStackHead(x: number[][], y: number[], l2: number): number[] {
  const n = x[0]?.length ?? 0;
  const w = new Array<number>(n + 1).fill(0);
  w[0] = 1;
  const acc = new Array<number>(n + 1).fill(1e-8);
  for (let it = 0; it < 800; it++) {
    const g = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number[];
      let s = w[n] as number;
      for (let j = 0; j < n; j++) s += (w[j] as number) * (xi[j] as number);
      const e = sigmoid(s) - (y[i] as number);
      for (let j = 0; j < n; j++) g[j] = (g[j] as number) + e * (xi[j] as number);
      g[n] = (g[n] as number) + e;
    }
    for (let j = 1; j < n; j++) g[j] = (g[j] as number) + l2 * (w[j] as number);
    for (let j = 0; j <= n; j++) {
      acc[j] = (acc[j] as number) + (g[j] as number) ** 2;
      w[j] = (w[j] as number) - (0.5 * (g[j] as number)) / Math.sqrt(acc[j] as number);
    }
  }
  return w;
}
