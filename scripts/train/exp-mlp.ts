/**
 * Scratch experiment: linear heads, a hidden-layer network, and blends of the two, measured with
 * select.ts's protocol (split-half validation with out-of-fold tuning scores; held-out
 * train-extra policies). Usage: tsx scripts/train/exp-mlp.ts '<mlp json>' [alpha,...]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  loadModel,
  tokenizeParagraph,
  vectorOf,
  HEAD_IDS,
  type FeatureConfig,
  type ModelFile,
  type SparseVector,
} from '../../src/core/classifier/index';
import { CATEGORY_IDS } from '../../src/core/taxonomy';
import { headScores } from '../../src/core/classifier/index';
import { sharedDataPath } from '../lib/shared-data';
import { fnv1a } from '../../src/core/classifier/hash';
import { corpusTraining } from './datasets';
import { loadPglue, loadTrainExtra, type Example } from './data';
import { evaluate } from './evaluate';
import { trainFile, tune, type Recipe } from './fit';
import { PGLUE_HEADS } from './labels';
import { mulberry32, shuffle } from './random';
import { DEFAULT_RECIPE, EXTRA_DATA } from './recipe';
import { mlpLogits, trainMlp, type MlpOptions } from './mlp';

const CACHE = '/tmp/fpcache';
mkdirSync(CACHE, { recursive: true });
const Hn = HEAD_IDS.length;

interface Raw {
  whole: number[];
  sents: number[][];
}
interface SetScores {
  valid: Raw[];
  oof: Raw[];
  oofIdx: number[];
  held: Raw[];
}

type Scorer = (x: SparseVector) => ArrayLike<number>;

function rawParts(ex: Example, cfg: FeatureConfig, f: Scorer): Raw {
  const heading = ex.isHeading ? undefined : ex.heading;
  const t = tokenizeParagraph({ text: ex.text, heading }, cfg, true);
  const whole = Array.from(f(vectorOf(t.body, t.heading, cfg)));
  const sents = t.sentences.map((s) => Array.from(f(vectorOf(s, null, cfg))));
  return { whole, sents };
}

const valid = loadPglue('validation');
const common = [...corpusTraining('pglue', EXTRA_DATA), ...selfTrain()];

/** Experimental: APP-350 train segments labelled by the shipped model (distillation). */
function selfTrain(): Example[] {
  if (!process.env.SELF) return [];
  const [w, mode] = process.env.SELF.split(',');
  const teacher = loadModel(JSON.parse(readFileSync('src/model/classifier.json', 'utf8')));
  const rows = readFileSync(sharedDataPath('app350/train.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; policy: number });
  return rows
    .filter((r) => r.text.split(/\s+/).length >= 8)
    .map((r) => {
      const p = headScores(teacher, { text: r.text });
      const y = Int8Array.from(p, (v) => (v >= 0.5 ? 1 : 0));
      const soft = mode === 'hard' ? Float32Array.from(p, (v) => (v >= 0.8 ? 1 : v <= 0.1 ? 0 : -1)) : Float32Array.from(p);
      return { text: r.text, y, soft, weight: Number(w), doc: `app350-${r.policy}` };
    });
}
const extra = loadTrainExtra(1);
// New train-extra docs (NEWDOCS: comma-separated ids) are always on the training side, so the
// held-out figure stays on the same documents as before they were written.
const NEW = new Set((process.env.NEWDOCS ?? '').split(',').filter(Boolean));
const fold2 = (e: Example): number => (NEW.has(e.doc ?? '') ? 99 : fnv1a(e.doc ?? '') % 2);
const sets: Record<string, { train: Example[]; held: Example[] }> = {
  full: { train: [...common, ...extra], held: [] },
  m0: {
    train: [...common, ...extra.filter((e) => fold2(e) !== 0)],
    held: extra.filter((e) => fold2(e) === 0 && !(e.isHeading && e.text.split(/\s+/).length < 6)),
  },
  m1: {
    train: [...common, ...extra.filter((e) => fold2(e) !== 1)],
    held: extra.filter((e) => fold2(e) === 1 && !(e.isHeading && e.text.split(/\s+/).length < 6)),
  },
};
const FOLDS = 5;
const foldOf = (ex: Example): number => fnv1a(ex.group ?? '') % FOLDS;

/** Trains `make` on the set and on each out-of-fold subset; scores valid / oof / held. */
function scoreSet(
  name: string,
  make: (train: Example[]) => { cfg: FeatureConfig; f: Scorer },
): SetScores {
  const { train, held } = sets[name]!;
  const full = make(train);
  const out: SetScores = {
    valid: valid.map((ex) => rawParts(ex, full.cfg, full.f)),
    held: held.map((ex) => rawParts(ex, full.cfg, full.f)),
    oof: [],
    oofIdx: [],
  };
  const scored = train.map((ex, i) => [ex, i] as const).filter(([ex]) => ex.tuneable === true);
  for (let k = 0; k < FOLDS; k++) {
    const m = make(train.filter((ex) => ex.group === undefined || foldOf(ex) !== k));
    for (const [ex, i] of scored.filter(([e]) => foldOf(e) === k)) {
      out.oof.push(rawParts(ex, m.cfg, m.f));
      out.oofIdx.push(i);
    }
  }
  return out;
}

function cached(key: string, fn: () => SetScores): SetScores {
  const path = `${CACHE}/${key}.json`;
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as SetScores;
  const s = fn();
  writeFileSync(path, JSON.stringify(s));
  return s;
}

const LREC: Recipe = process.env.LIN ? (() => { const v = JSON.parse(process.env.LIN!); return { ...DEFAULT_RECIPE, ...v, features: { ...DEFAULT_RECIPE.features, ...v.features }, sgd: { ...DEFAULT_RECIPE.sgd, ...v.sgd } }; })() : DEFAULT_RECIPE;
const LKEY = (process.env.NEWDOCS ? 'nd' : '') + (process.env.LIN ? `linear-${fnv1a(process.env.LIN).toString(16)}` : 'linear') + (process.env.SELF ? `-self${process.env.SELF}` : '');
const linearMaker = (train: Example[]): { cfg: FeatureConfig; f: Scorer } => {
  const m = loadModel(trainFile(train, LREC, {}));
  const cfg = m.features;
  return {
    cfg,
    f: (x) => {
      const out = new Float64Array(Hn);
      for (let i = 0; i < x.index.length; i++) {
        const base = (x.index[i] as number) * Hn;
        const v = x.value[i] as number;
        for (let h = 0; h < Hn; h++) out[h] = (out[h] as number) + v * (m.weights[base + h] as number);
      }
      for (let h = 0; h < Hn; h++) out[h] = (out[h] as number) * (m.scale[h] as number) + (m.bias[h] as number);
      return out;
    },
  };
};

interface MlpVariant extends MlpOptions {
  bits: number;
  quant?: boolean;
}

const mlpMaker =
  (v: MlpVariant) =>
  (train: Example[]): { cfg: FeatureConfig; f: Scorer } => {
    const cfg = { ...DEFAULT_RECIPE.features, bits: v.bits };
    const x = train.map((ex) => {
      const t = tokenizeParagraph({ text: ex.text, heading: ex.heading }, cfg, false);
      return vectorOf(t.body, t.heading, cfg);
    });
    const y = train.map((e) => e.soft ?? Float32Array.from(e.y));
    const m = trainMlp({ x, y, weight: train.map((e) => e.weight) }, 2 ** v.bits, Hn, v);
    if (v.quant) {
      const D = m.hidden;
      for (let d = 0; d < D; d++) {
        let max = 0;
        for (let k = d; k < m.e.length; k += D) max = Math.max(max, Math.abs(m.e[k] as number));
        const s = max / 127 || 1;
        for (let k = d; k < m.e.length; k += D) m.e[k] = Math.round((m.e[k] as number) / s) * s;
      }
    }
    return { cfg, f: (xx) => mlpLogits(m, xx) };
  };

const recipe: Recipe = LREC;
const FORCE = Number(process.env.FORCE ?? 0);
const PG = PGLUE_HEADS.map((id) => HEAD_IDS.indexOf(id));

function blend(parts: Raw[][], w: number[]): { whole: Float64Array; best: Float64Array | null }[] {
  return parts[0]!.map((_, i) => {
    const whole = new Float64Array(Hn);
    parts.forEach((p, j) => p[i]!.whole.forEach((v, h) => (whole[h] += w[j]! * v)));
    const ns = parts[0]![i]!.sents.length;
    if (ns === 0) return { whole, best: null };
    const best = new Float64Array(Hn).fill(-Infinity);
    for (let s = 0; s < ns; s++) {
      for (let h = 0; h < Hn; h++) {
        let v = 0;
        parts.forEach((p, j) => (v += w[j]! * p[i]!.sents[s]![h]!));
        best[h] = Math.max(best[h]!, v);
      }
    }
    return { whole, best };
  });
}

type Parts = { whole: Float64Array; best: Float64Array | null };

function decide(file: ModelFile, parts: Parts[]): boolean[][] {
  const mix = file.sentenceMix!;
  const sig = (z: number): number => 1 / (1 + Math.exp(-z));
  return parts.map((p) => {
    const z = HEAD_IDS.map((_, h) => {
      const w = p.whole[h]!;
      const b = p.best?.[h];
      return b !== undefined && b > w ? w + mix[h]! * (b - w) : w;
    });
    const p1 = z.map((v, h) => sig(file.calibration.a[h]! * v + file.calibration.b[h]!));
    const st = file.stack;
    const sc = HEAD_IDS.map((_, h) => {
      if (!st) return p1[h]!;
      let q = st.a[h]! * z[h]! + st.b[h]!;
      for (let j = 0; j < Hn; j++) q += st.w[h * Hn + j]! * p1[j]!;
      return sig(q);
    });
    const d = sc.map((s, h) => s >= file.thresholds[h]!);
    if (FORCE && !PG.some((h) => d[h])) {
      let bh = -1;
      let bv = -Infinity;
      for (const h of PG) {
        const v = FORCE === 1 ? sc[h]! - file.thresholds[h]! : Math.log(sc[h]! / file.thresholds[h]!);
        if (v > bv) { bv = v; bh = h; }
      }
      d[bh] = true;
    }
    return d;
  });
}

function emptyFile(): ModelFile {
  return {
    format: 'fineprint-paragraph-classifier',
    version: 1,
    heads: [...HEAD_IDS],
    features: DEFAULT_RECIPE.features,
    weights: { scale: [], data: '' },
    bias: [],
    calibration: { a: new Array(Hn).fill(1), b: new Array(Hn).fill(0) },
    thresholds: new Array(Hn).fill(0.5),
  };
}

function measure(scores: Record<string, SetScores[]>, w: number[]): { opp: number; modern: number } {
  const full = scores.full!;
  const vparts = blend(full.map((s) => s.valid), w);
  const oparts = blend(full.map((s) => s.oof), w);
  const oex = full[0]!.oofIdx.map((i) => sets.full!.train[i]!);
  let sum = 0;
  for (let r = 0; r < 10; r++) {
    const idx = shuffle(
      valid.map((_, i) => i),
      mulberry32(r + 1),
    );
    const halves = [idx.slice(0, idx.length / 2), idx.slice(idx.length / 2)];
    for (const [fit, held] of [halves, [...halves].reverse()] as number[][][]) {
      const f = emptyFile();
      tune(
        f,
        [...fit!.map((i) => vparts[i]!), ...oparts],
        [...fit!.map((i) => valid[i]!), ...oex],
        recipe,
      );
      const h = held!.map((i) => valid[i]!);
      sum += evaluate(h, { scores: [], decisions: decide(f, held!.map((i) => vparts[i]!)) }, PGLUE_HEADS).macroF1;
    }
  }
  let modern = 0;
  for (const k of ['m0', 'm1']) {
    const s = scores[k]!;
    const vp = blend(s.map((x) => x.valid), w);
    const op = blend(s.map((x) => x.oof), w);
    const hp = blend(s.map((x) => x.held), w);
    const f = emptyFile();
    tune(f, [...vp, ...op], [...valid, ...s[0]!.oofIdx.map((i) => sets[k]!.train[i]!)], recipe);
    const rep = evaluate(sets[k]!.held, { scores: [], decisions: decide(f, hp) }, CATEGORY_IDS);
    if (process.env.MISSED) {
      const hid = HEAD_IDS.indexOf(process.env.MISSED as never);
      const dec = decide(f, hp);
      sets[k]!.held.forEach((ex, i) => {
        if (ex.y[hid] === 1 && !dec[i]![hid]) console.log('MISS', ex.doc, '|', ex.heading ?? '', '|', ex.text.slice(0, 220));
        if (ex.y[hid] === 0 && dec[i]![hid]) console.log('FP  ', ex.doc, '|', ex.text.slice(0, 160));
      });
    }
    if (process.env.PERLABEL) for (const l of rep.labels) console.log(k, l.label.padEnd(24), 'P', l.precision.toFixed(2), 'R', l.recall.toFixed(2), 'F', l.f1.toFixed(2), 'n', l.support);
    modern += rep.macroF1 / 2;
  }
  return { opp: sum / 20, modern };
}

const args = process.argv.slice(2);
const variants = args[0] ? (JSON.parse(args[0]) as MlpVariant | MlpVariant[]) : [];
const vs = Array.isArray(variants) ? variants : [variants];
const alphas = (args[1] ?? '1').split(',').map(Number);
const t0 = performance.now();
const scores: Record<string, SetScores[]> = {};
for (const name of ['full', 'm0', 'm1']) {
  scores[name] = [cached(`${LKEY}-${name}`, () => scoreSet(name, linearMaker))];
  for (const v of vs) {
    const key = `mlp-${fnv1a(JSON.stringify(v)).toString(16)}-${name}`;
    scores[name]!.push(cached(key, () => scoreSet(name, mlpMaker(v))));
  }
  console.error(`${name} scored ${((performance.now() - t0) / 1000).toFixed(0)}s`);
}
for (const a of alphas) {
  // alpha = weight of the linear model; the rest shared equally by the networks.
  const w = vs.length === 0 ? [1] : [a, ...vs.map(() => (1 - a) / vs.length)];
  const r = measure(scores, w);
  console.log(
    `alpha ${a}  opp ${(r.opp * 100).toFixed(1)}  modern ${(r.modern * 100).toFixed(1)}  ${args[0] ?? 'linear'}`,
  );
}
