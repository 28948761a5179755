/**
 * `npm run train` (issue 6): trains the paragraph classifier on OPP-115 (PrivacyGLUE train split)
 * plus the extra training corpora of scripts/train/recipe.ts, calibrates and picks thresholds on
 * validation, and writes src/model/classifier.json and src/model/metrics.json. Seeded: two runs
 * write byte-identical files. Also trains the same recipe on the by-policy split to report the
 * honest in-domain number beside the PrivacyGLUE one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hasSharedData } from './lib/shared-data';
import { datasets } from './train/datasets';
import { fitModel } from './train/fit';
import { METRICS_PATH, MODEL_PATH } from './train/paths';
import { DEFAULT_RECIPE, EXTRA_DATA } from './train/recipe';
import { reportOn } from './train/report';
import { printReport, rounded } from './train/table';

if (!hasSharedData()) process.exit(0);

const t0 = performance.now();
const pglue = datasets('pglue');
const meta = {
  trainedOn: 'OPP-115 (PrivacyGLUE majority train split)',
  extraData: EXTRA_DATA,
  trainExamples: pglue.train.length,
  seed: DEFAULT_RECIPE.sgd.seed,
};
const { file, model } = fitModel(pglue.train, pglue.validation, DEFAULT_RECIPE, meta);
const json = JSON.stringify(file);
mkdirSync(dirname(MODEL_PATH), { recursive: true });
writeFileSync(MODEL_PATH, json);
const trainSeconds = (performance.now() - t0) / 1000;

const pglueVal = reportOn(model, pglue.validation);
const pglueTest = reportOn(model, pglue.test);
const policy = datasets('by-policy');
const honest = fitModel(policy.train, policy.validation, DEFAULT_RECIPE).model;
const policyTest = reportOn(honest, policy.test);

const metrics = {
  model: 'src/model/classifier.json',
  recipe: DEFAULT_RECIPE,
  extraData: EXTRA_DATA,
  examples: {
    train: pglue.train.length,
    validation: pglue.validation.length,
    test: pglue.test.length,
  },
  size: { bytes: json.length, gzipBytes: gzipSync(json, { level: 9 }).length },
  trainSeconds: Math.round(trainSeconds),
  privacyGlue: { validation: pglueVal, test: pglueTest },
  byPolicy: { test: policyTest, note: 'same recipe trained on the by-policy train split' },
};
writeFileSync(
  METRICS_PATH,
  JSON.stringify(rounded({ ...metrics, trainSeconds: undefined }), null, 2) + '\n',
);

console.log(`Wrote ${MODEL_PATH} (${metrics.size.bytes} bytes, ${metrics.size.gzipBytes} gzipped)`);
console.log(`Training took ${trainSeconds.toFixed(1)} s on ${pglue.train.length} examples`);
printReport('PrivacyGLUE validation, 12 labels', pglueVal.labels12!, false);
printReport('PrivacyGLUE test, 12 labels', pglueTest.labels12!);
printReport('PrivacyGLUE test, 10 labels', pglueTest.labels10, false);
printReport('By-policy test, 12 labels', policyTest.labels12!, false);
