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
import {
  loadModel,
  mixSentences,
  scoresFromLogits,
  type ModelFile,
} from '../../src/core/classifier/index';
import { segmentKey, loadPglue, loadTrainExtra, type Example } from './data';
import { outOfFold, tune, type Recipe } from './fit';
import { PGLUE_HEADS, headIndex } from './labels';
import { score } from './metrics';
import { MODEL_PATH } from './paths';
import { mulberry32, shuffle } from './random';
import { DEFAULT_RECIPE, EXTRA_DATA } from './recipe';
import { readSegments, spanSentences } from './span-sentences';
import { withVoteTargets } from './votes';

interface Variant {
  features?: Partial<Recipe['features']>;
  sgd?: Partial<Recipe['sgd']>;
  stackL2?: number | null;
  threshold?: Recipe['threshold'];
  data?: Partial<typeof EXTRA_DATA>;
}

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
  ];
}

const template = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ModelFile;
const cols = PGLUE_HEADS.map(headIndex);

for (const arg of process.argv.slice(2)) {
  const v = JSON.parse(arg) as Variant;
  const recipe: Recipe = {
    ...DEFAULT_RECIPE,
    features: { ...DEFAULT_RECIPE.features, ...v.features },
    sgd: { ...DEFAULT_RECIPE.sgd, ...v.sgd },
    stackL2: v.stackL2 === null ? undefined : (v.stackL2 ?? DEFAULT_RECIPE.stackL2),
    threshold: v.threshold ?? DEFAULT_RECIPE.threshold,
  };
  const t0 = performance.now();
  const oof = outOfFold(pool({ ...EXTRA_DATA, ...v.data }), recipe, 5);
  let sum = 0;
  for (let r = 0; r < 10; r++) {
    const idx = shuffle(
      oof.examples.map((_, i) => i),
      mulberry32(r + 1),
    );
    const half = Math.floor(idx.length / 2);
    const halves = [idx.slice(0, half), idx.slice(half)];
    for (const [fit, held] of [halves, [...halves].reverse()] as number[][][]) {
      const f = JSON.parse(JSON.stringify(template)) as ModelFile;
      delete f.stack;
      tune(
        f,
        (fit as number[]).map((i) => oof.parts[i]!),
        (fit as number[]).map((i) => oof.examples[i]!),
        recipe,
      );
      const m = loadModel(f);
      const gold = (held as number[]).map((i) => cols.map((h) => oof.examples[i]!.y[h] === 1));
      const pred = (held as number[]).map((i) => {
        const { whole, best } = oof.parts[i]!;
        const z = whole.map((w, h) => mixSentences(w, best?.[h], m.sentenceMix[h] as number));
        const p = scoresFromLogits(m, z);
        return cols.map((h) => (p[h] as number) >= (m.thresholds[h] as number));
      });
      sum += score([...PGLUE_HEADS], gold, pred).macroF1;
    }
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(`cv ${((sum / 20) * 100).toFixed(2)}  n ${oof.examples.length}  ${secs}s  ${arg}`);
}
