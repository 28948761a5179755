/**
 * A second model-selection figure, five times the size of select.ts's split-half validation
 * (`tsx scripts/train/cv.ts '<variant json>' ...`). PrivacyGLUE train and validation are pooled
 * (2,696 segments; test texts are read only to keep their duplicates out, never their labels),
 * every segment is scored by a model trained without it
 * (5 folds by segment, its span sentences with it; data/train-extra always on the training
 * side), and calibration, second stage and thresholds are fitted on a random half of those
 * out-of-fold scores and judged on the other half (10 halvings x 2 directions). Prints macro-F1
 * (12 labels). Select.ts's 275-segment halves hold 3 do-not-track and 7 retention segments, and
 * many variants have been compared on that one set; this figure checks the choices on more data.
 */
import { readFileSync } from 'node:fs';
import type { ModelFile } from '../../src/core/classifier/index';
import { segmentKey, loadPglue, loadTrainExtra, type Example } from './data';
import { labelledForProject } from './datasets';
import { outOfFold } from './fit';
import { PGLUE_HEADS } from './labels';
import { MODEL_PATH } from './paths';
import { EXTRA_DATA, variantRecipe, type Variant } from './recipe';
import { readSegments, spanSentences } from './span-sentences';
import { splitHalfScores } from './split-half';
import { withVoteTargets } from './votes';

const inPool = (split: string | string[] | null): boolean =>
  split !== null && [split].flat().every((s) => s === 'train' || s === 'validation');

function pool(data: typeof EXTRA_DATA): Example[] {
  const testKeys = new Set(loadPglue('test').map((e) => segmentKey(e.text)));
  const seen = new Set<string>();
  const segments = [...loadPglue('train'), ...loadPglue('validation')].filter((e) => {
    const k = segmentKey(e.text);
    if (testKeys.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const annotated = readSegments().filter((s) => inPool(s.pglue_split));
  return [
    ...withVoteTargets(segments, annotated, data.votes),
    ...(data.spanSentences > 0
      ? spanSentences(annotated, data.spanSentences, 'segment', data.spanVotes)
      : []),
    ...(data.trainExtra > 0 ? loadTrainExtra(data.trainExtra) : []),
    ...labelledForProject(data),
  ];
}

const template = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile;

for (const arg of process.argv.slice(2)) {
  const v = JSON.parse(arg) as Variant;
  const recipe = variantRecipe(v);
  const t0 = performance.now();
  const oof = outOfFold(pool({ ...EXTRA_DATA, ...v.data }), recipe, 5);
  const cv = splitHalfScores(template, oof, PGLUE_HEADS, recipe);
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(`cv ${(cv.macroF1 * 100).toFixed(2)}  n ${oof.examples.length}  ${secs}s  ${arg}`);
  console.log(
    `  per label: ${PGLUE_HEADS.map((h, i) => `${h} ${(cv.f1[i]! * 100).toFixed(1)}`).join(', ')}`,
  );
}
