/** Runs a loaded model over labelled examples and scores it on a chosen set of heads. */
import { headScores, type HeadId, type Model } from '../../src/core/classifier/index';
import type { Example } from './data';
import { headIndex } from './labels';
import { score, type Report } from './metrics';

export interface Predictions {
  /** Calibrated score per example and model head. */
  scores: Float64Array[];
  /** Decision per example and model head. */
  decisions: boolean[][];
}

export function predict(model: Model, examples: Example[]): Predictions {
  const scores = examples.map((ex) => headScores(model, ex));
  const decisions = scores.map((s) =>
    Array.from(s, (v, h) => v >= (model.thresholds[h] as number)),
  );
  return { scores, decisions };
}

/** Scores `heads` (ids of the model's heads) against the examples' known targets. */
export function evaluate(examples: Example[], pred: Predictions, heads: readonly HeadId[]): Report {
  const cols = heads.map(headIndex);
  const gold = examples.map((ex) => cols.map((h) => (ex.y[h] === -1 ? null : ex.y[h] === 1)));
  const decided = pred.decisions.map((d) => cols.map((h) => d[h] === true));
  return score([...heads], gold, decided);
}
