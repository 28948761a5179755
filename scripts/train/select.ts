/**
 * Model selection without test data (`tsx scripts/train/select.ts '<variant json>' ...`).
 * For each variant it prints two figures:
 * - OPP-115: macro-F1 (12 labels) on one half of PrivacyGLUE validation with calibration and
 *   thresholds fitted on the other half, averaged over 10 random halvings x 2 directions;
 * - modern: macro-F1 (10 labels) on data/train-extra policies held out by document (2 folds),
 *   the model trained without them and tuned on PrivacyGLUE validation.
 * data/ood/eval.jsonl, APPCorp and PI-Extract are never read here.
 */
import { headLogitParts, mixSentences } from '../../src/core/classifier/index';
import { CATEGORY_IDS } from '../../src/core/taxonomy';
import { tuneHead } from './calibrate';
import { fnv1a } from '../../src/core/classifier/hash';
import { loadApp350, loadPglue, loadTrainExtra, type Example } from './data';
import { evaluate, predict } from './evaluate';
import { fitModel, type Recipe } from './fit';
import { headIndex, PGLUE_HEADS } from './labels';
import { score } from './metrics';
import { mulberry32, shuffle } from './random';
import { DEFAULT_RECIPE, EXTRA_DATA } from './recipe';
import { readSegments, spanSentences } from './span-sentences';

interface Variant {
  mixChoices?: number[];
  features?: Partial<Recipe['features']>;
  sgd?: Partial<Recipe['sgd']>;
  data?: Partial<typeof EXTRA_DATA>;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

type Parts = ReturnType<typeof headLogitParts>;

function splitHalf(valid: Example[], parts: Parts[], choices: number[]): number {
  const cols = PGLUE_HEADS.map(headIndex);
  let sum = 0;
  for (let r = 0; r < 10; r++) {
    const idx = shuffle(
      valid.map((_, i) => i),
      mulberry32(r + 1),
    );
    const halves = [idx.slice(0, idx.length / 2), idx.slice(idx.length / 2)];
    for (const [fit, held] of [halves, [...halves].reverse()] as number[][][]) {
      const f = fit as number[];
      const decide = cols.map((h) => {
        const t = tuneHead(
          f.map((i) => parts[i]?.whole[h] as number),
          f.map((i) => parts[i]?.best?.[h]),
          f.map((i) => valid[i]?.y[h] as number),
          choices,
        );
        return (p: Parts) =>
          sigmoid(t.a * mixSentences(p.whole[h] as number, p.best?.[h], t.mix) + t.b) >=
          t.threshold;
      });
      const gold = (held as number[]).map((i) => cols.map((h) => valid[i]?.y[h] === 1));
      const pred = (held as number[]).map((i) =>
        cols.map((_, j) => decide[j]?.(parts[i] as Parts) === true),
      );
      sum += score(PGLUE_HEADS, gold, pred).macroF1;
    }
  }
  return sum / 20;
}

const base = loadPglue('train');
const valid = loadPglue('validation');
const segs = readSegments().filter((s) => s.pglue_split === 'train');

for (const arg of process.argv.slice(2)) {
  const v = JSON.parse(arg) as Variant;
  const recipe: Recipe = {
    features: { ...DEFAULT_RECIPE.features, ...v.features },
    sgd: { ...DEFAULT_RECIPE.sgd, ...v.sgd },
    sentenceMixChoices: v.mixChoices ?? DEFAULT_RECIPE.sentenceMixChoices,
  };
  const data = { ...EXTRA_DATA, ...v.data };
  const common = [
    ...base,
    ...(data.spanSentences > 0 ? spanSentences(segs, data.spanSentences) : []),
    ...(data.app350 > 0 ? loadApp350('train', data.app350) : []),
  ];
  const extra = data.trainExtra > 0 ? loadTrainExtra(data.trainExtra) : loadTrainExtra(1);
  const fold = (e: Example): number => fnv1a(e.doc ?? '') % 2;
  const t0 = performance.now();
  const full = fitModel([...common, ...(data.trainExtra > 0 ? extra : [])], valid, recipe).model;
  const choices = recipe.sentenceMixChoices ?? [recipe.features.sentenceMix];
  const parts = valid.map((ex) => headLogitParts(full, ex));
  const opp = splitHalf(valid, parts, choices);
  let modern = 0;
  for (const k of [0, 1]) {
    const trainSide = data.trainExtra > 0 ? extra.filter((e) => fold(e) !== k) : [];
    const held = extra.filter(
      (e) => fold(e) === k && !(e.isHeading && e.text.split(/\s+/).length < 6),
    );
    const m = fitModel([...common, ...trainSide], valid, recipe).model;
    modern += evaluate(held, predict(m, held), CATEGORY_IDS).macroF1 / 2;
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(
    `opp ${(opp * 100).toFixed(1)}  modern ${(modern * 100).toFixed(1)}  ${secs}s  ${arg}`,
  );
}
