/**
 * Model selection without test data (`tsx scripts/train/select.ts '<variant json>' ...`).
 * For each variant it prints two figures:
 * - OPP-115: macro-F1 (12 labels) on one half of PrivacyGLUE validation with calibration, second
 *   stage and thresholds fitted on the other half (plus the out-of-fold training scores when the
 *   recipe has `outOfFold`), averaged over 10 halvings x 2 directions;
 * - modern: macro-F1 (10 labels) on data/train-extra policies held out by document (2 folds),
 *   the model trained without them and tuned on PrivacyGLUE validation.
 * data/ood/eval.jsonl, APPCorp and PI-Extract are never read here.
 */
import { headLogitParts, loadModel, type ModelFile } from '../../src/core/classifier/index';
import { CATEGORY_IDS } from '../../src/core/taxonomy';
import { fnv1a } from '../../src/core/classifier/hash';
import { corpusTraining } from './datasets';
import { loadPglue, loadTrainExtra, type Example } from './data';
import { evaluate, predict } from './evaluate';
import { fitModel, tune, type Recipe, type TuningSet } from './fit';
import { PGLUE_HEADS } from './labels';
import { mulberry32, shuffle } from './random';
import { DEFAULT_RECIPE, EXTRA_DATA } from './recipe';

interface Variant {
  mixChoices?: number[];
  /** Second-stage L2; null turns the second stage off. */
  stackL2?: number | null;
  outOfFold?: number;
  threshold?: Recipe['threshold'];
  features?: Partial<Recipe['features']>;
  sgd?: Partial<Recipe['sgd']>;
  data?: Partial<typeof EXTRA_DATA>;
}

type Parts = ReturnType<typeof headLogitParts>;

/** Tunes a copy of `file` on one half of validation and scores the other, both ways, 10 times. */
function splitHalf(
  valid: Example[],
  file: ModelFile,
  parts: Parts[],
  recipe: Recipe,
  extra: TuningSet,
): number {
  let sum = 0;
  for (let r = 0; r < 10; r++) {
    const idx = shuffle(
      valid.map((_, i) => i),
      mulberry32(r + 1),
    );
    const halves = [idx.slice(0, idx.length / 2), idx.slice(idx.length / 2)];
    for (const [fit, held] of [halves, [...halves].reverse()] as number[][][]) {
      const f = JSON.parse(JSON.stringify(file)) as ModelFile;
      delete f.stack;
      tune(
        f,
        [...(fit as number[]).map((i) => parts[i] as Parts), ...extra.parts],
        [...(fit as number[]).map((i) => valid[i] as Example), ...extra.examples],
        recipe,
      );
      const m = loadModel(f);
      const h = (held as number[]).map((i) => valid[i] as Example);
      sum += evaluate(h, predict(m, h), PGLUE_HEADS).macroF1;
    }
  }
  return sum / 20;
}

const valid = loadPglue('validation');

for (const arg of process.argv.slice(2)) {
  const v = JSON.parse(arg) as Variant;
  const recipe: Recipe = {
    features: { ...DEFAULT_RECIPE.features, ...v.features },
    sgd: { ...DEFAULT_RECIPE.sgd, ...v.sgd },
    sentenceMixChoices: v.mixChoices ?? DEFAULT_RECIPE.sentenceMixChoices,
    stackL2: v.stackL2 === null ? undefined : (v.stackL2 ?? DEFAULT_RECIPE.stackL2),
    threshold: v.threshold ?? DEFAULT_RECIPE.threshold,
    outOfFold: v.outOfFold ?? DEFAULT_RECIPE.outOfFold,
  };
  const data = { ...EXTRA_DATA, ...v.data };
  const common = corpusTraining('pglue', data);
  const extra = data.trainExtra > 0 ? loadTrainExtra(data.trainExtra) : loadTrainExtra(1);
  const fold = (e: Example): number => fnv1a(e.doc ?? '') % 2;
  const t0 = performance.now();
  const full = fitModel([...common, ...(data.trainExtra > 0 ? extra : [])], valid, recipe);
  const parts = valid.map((ex) => headLogitParts(full.model, ex));
  const opp = splitHalf(valid, full.file, parts, recipe, full.extra);
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
