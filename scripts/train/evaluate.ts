/** Runs a loaded model over labelled examples and scores it on a chosen set of heads. */
import {
  headScores,
  mixSentences,
  scoresFromLogits,
  type HeadId,
  type Model,
} from '../../src/core/classifier/index';
import type { Example } from './data';
import { headIndex } from './labels';
import { score, type Report } from './metrics';
import { mulberry32 } from './random';

export interface Predictions {
  /** Calibrated score per example and model head. */
  scores: Float64Array[];
  /** Decision per example and model head. */
  decisions: boolean[][];
}

/** Each head's decision: its calibrated score against the model's threshold. */
function decide(model: Model, scores: Float64Array[]): Predictions {
  const decisions = scores.map((s) =>
    Array.from(s, (v, h) => v >= (model.thresholds[h] as number)),
  );
  return { scores, decisions };
}

export function predict(model: Model, examples: Example[]): Predictions {
  return decide(
    model,
    examples.map((ex) => headScores(model, ex)),
  );
}

/**
 * The same as predict, from scores already split into whole-paragraph and best-sentence parts
 * (headLogitParts, possibly of another model with the same heads): for tuning experiments that
 * score one set of parts under many calibrations. The parts are not changed.
 */
export function predictFromParts(
  model: Model,
  parts: { whole: Float64Array; best: Float64Array | null }[],
): Predictions {
  const scores = parts.map(({ whole, best }) =>
    scoresFromLogits(
      model,
      whole.map((w, h) => mixSentences(w, best?.[h], model.sentenceMix[h] as number)),
    ),
  );
  return decide(model, scores);
}

/** Scores `heads` (ids of the model's heads) against the examples' known targets. */
export function evaluate(examples: Example[], pred: Predictions, heads: readonly HeadId[]): Report {
  const cols = heads.map(headIndex);
  const gold = examples.map((ex) => cols.map((h) => (ex.y[h] === -1 ? null : ex.y[h] === 1)));
  const decided = pred.decisions.map((d) => cols.map((h) => d[h] === true));
  return score([...heads], gold, decided);
}

/**
 * 95 % bootstrap interval of macro-F1 (examples resampled with replacement, seeded): how far the
 * figure on a test set of this size moves by the luck of which segments it holds. Rare labels
 * (3 to 25 test examples) make it wide.
 */
export function macroF1Interval(
  examples: Example[],
  pred: Predictions,
  heads: readonly HeadId[],
  rounds = 1000,
): [number, number] {
  const rand = mulberry32(697);
  const values: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const idx = examples.map(() => Math.floor(rand() * examples.length));
    const sample = idx.map((i) => examples[i] as Example);
    const decisions = idx.map((i) => pred.decisions[i] as boolean[]);
    values.push(evaluate(sample, { scores: [], decisions }, heads).macroF1);
  }
  values.sort((a, b) => a - b);
  return [
    values[Math.floor(0.025 * rounds)] as number,
    values[Math.floor(0.975 * rounds)] as number,
  ];
}
