/**
 * Model selection without test data (`tsx scripts/train/select.ts '<variant json>' ...`).
 * For each variant it prints two figures:
 * - OPP-115: macro-F1 (12 labels) on one half of PrivacyGLUE validation with calibration, second
 *   stage and thresholds fitted on the other half (plus the out-of-fold training scores when the
 *   recipe has `outOfFold`), averaged over 10 halvings x 2 directions;
 * - modern: macro-F1 (10 labels) on data/train-extra policies held out by document (2 folds),
 *   the model trained without them and tuned on PrivacyGLUE validation. Only the policies listed
 *   in modern-held-out.txt are ever held out; policies added since stay on the training side.
 * data/ood/eval.jsonl, APPCorp and PI-Extract are never read here.
 */
import { readFileSync } from 'node:fs';
import { headLogitParts } from '../../src/core/classifier/index';
import { CATEGORY_IDS } from '../../src/core/taxonomy';
import { fnv1a } from '../../src/core/classifier/hash';
import { isScoredHeading } from '../data/ood/build';
import { corpusTraining } from './datasets';
import { loadPglue, loadTrainExtra, type Example } from './data';
import { evaluate, predict, type Predictions } from './evaluate';
import { fitModel } from './fit';
import { PGLUE_HEADS } from './labels';
import { EXTRA_DATA, variantRecipe, type Variant } from './recipe';
import { splitHalfMacroF1 } from './split-half';

const valid = loadPglue('validation');
const heldOutDocs = new Set(
  readFileSync(new URL('./modern-held-out.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#')),
);
const extraDocs = new Set(loadTrainExtra(1).map((e) => e.doc));
const missing = [...heldOutDocs].filter((d) => !extraDocs.has(d));
if (missing.length > 0)
  throw new Error(`modern-held-out.txt: unknown policies ${missing.join(', ')}`);

for (const arg of process.argv.slice(2)) {
  const v = JSON.parse(arg) as Variant;
  const recipe = variantRecipe(v);
  const data = { ...EXTRA_DATA, ...v.data };
  const common = corpusTraining('pglue', data);
  const extra = data.trainExtra > 0 ? loadTrainExtra(data.trainExtra) : loadTrainExtra(1);
  // -1: never held out (added after the list was frozen).
  const fold = (e: Example): number => (heldOutDocs.has(e.doc ?? '') ? fnv1a(e.doc ?? '') % 2 : -1);
  const t0 = performance.now();
  const full = fitModel([...common, ...(data.trainExtra > 0 ? extra : [])], valid, recipe);
  const scored = { examples: valid, parts: valid.map((ex) => headLogitParts(full.model, ex)) };
  const opp = splitHalfMacroF1(full.file, scored, PGLUE_HEADS, recipe, full.extra);
  let modern = 0;
  const pooled: { held: Example[]; pred: Predictions } = {
    held: [],
    pred: { scores: [], decisions: [] },
  };
  for (const k of [0, 1]) {
    const trainSide = data.trainExtra > 0 ? extra.filter((e) => fold(e) !== k) : [];
    const held = extra.filter((e) => fold(e) === k && (!e.isHeading || isScoredHeading(e.text)));
    const m = fitModel([...common, ...trainSide], valid, recipe).model;
    const pred = predict(m, held);
    modern += evaluate(held, pred, CATEGORY_IDS).macroF1 / 2;
    pooled.held.push(...held);
    pooled.pred.scores.push(...pred.scores);
    pooled.pred.decisions.push(...pred.decisions);
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(
    `opp ${(opp * 100).toFixed(1)}  modern ${(modern * 100).toFixed(1)}  ${secs}s  ${arg}`,
  );
  // Where the modern figure is lost: precision / recall per label, both folds pooled.
  const perLabel = evaluate(pooled.held, pooled.pred, CATEGORY_IDS).labels;
  const pct = (x: number): string => (x * 100).toFixed(0);
  console.log(
    `  modern P/R: ${perLabel.map((l) => `${l.label} ${pct(l.precision)}/${pct(l.recall)}`).join(', ')}`,
  );
}
