/**
 * `tsx scripts/train/experiment.ts '<json recipe overrides>' ...`: trains variants on PrivacyGLUE
 * train and prints validation figures only (model selection never looks at test).
 */
import { fitModel, type Recipe } from './fit';
import { loadApp350, loadPglue, loadTrainExtra } from './data';
import { evaluate, predict } from './evaluate';
import { PGLUE_HEADS } from './labels';
import { DEFAULT_RECIPE } from './recipe';

interface Variant {
  features?: Partial<Recipe['features']>;
  idf?: boolean;
  sgd?: Partial<Recipe['sgd']>;
  app350?: number;
  extra?: number;
}

const train = loadPglue('train');
const valid = loadPglue('validation');
for (const arg of process.argv.slice(2)) {
  const v = JSON.parse(arg) as Variant;
  const recipe: Recipe = {
    features: { ...DEFAULT_RECIPE.features, ...v.features },
    idf: v.idf ?? DEFAULT_RECIPE.idf,
    sgd: { ...DEFAULT_RECIPE.sgd, ...v.sgd },
  };
  const data = [
    ...train,
    ...(v.app350 ? loadApp350('train', v.app350) : []),
    ...(v.extra ? loadTrainExtra(v.extra) : []),
  ];
  const t0 = performance.now();
  const { model } = fitModel(data, valid, recipe);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const r = evaluate(valid, predict(model, valid), PGLUE_HEADS);
  const per = r.labels.map((l) => l.f1.toFixed(2)).join(' ');
  console.log(
    `${(r.macroF1 * 100).toFixed(1)} ${(r.microF1 * 100).toFixed(1)} ${secs}s ${arg}  [${per}]`,
  );
}
