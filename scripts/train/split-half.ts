/**
 * The split-half protocol both selection scripts use (select.ts on PrivacyGLUE validation, cv.ts
 * on pooled out-of-fold scores): calibration, second stage and thresholds are fitted on a random
 * half of held-out scores and judged on the other half, both ways, over 10 seeded halvings.
 */
import { loadModel, type HeadId, type ModelFile } from '../../src/core/classifier/index';
import { evaluate, predictFromParts } from './evaluate';
import { tune, type Recipe, type TuningSet } from './fit';
import { mulberry32, shuffle } from './random';

/** Mean macro-F1 over `heads` of the judged halves; `always` is tuned on in every round. */
export function splitHalfMacroF1(
  file: ModelFile,
  scored: TuningSet,
  heads: readonly HeadId[],
  recipe: Recipe,
  always: TuningSet = { examples: [], parts: [] },
): number {
  return splitHalfScores(file, scored, heads, recipe, always).macroF1;
}

/** The same, with each head's mean F1 (in `heads` order) beside the macro average. */
export function splitHalfScores(
  file: ModelFile,
  scored: TuningSet,
  heads: readonly HeadId[],
  recipe: Recipe,
  always: TuningSet = { examples: [], parts: [] },
): { macroF1: number; f1: number[] } {
  let sum = 0;
  const f1 = heads.map(() => 0);
  for (let r = 0; r < 10; r++) {
    const idx = shuffle(
      scored.examples.map((_, i) => i),
      mulberry32(r + 1),
    );
    const half = Math.floor(idx.length / 2);
    const halves = [idx.slice(0, half), idx.slice(half)] as const;
    for (const [fit, held] of [halves, [halves[1], halves[0]]] as const) {
      const f = structuredClone(file);
      delete f.stack;
      tune(
        f,
        [...fit.map((i) => scored.parts[i]!), ...always.parts],
        [...fit.map((i) => scored.examples[i]!), ...always.examples],
        recipe,
      );
      const m = loadModel(f);
      const examples = held.map((i) => scored.examples[i]!);
      const pred = predictFromParts(
        m,
        held.map((i) => scored.parts[i]!),
      );
      const report = evaluate(examples, pred, heads);
      sum += report.macroF1;
      report.labels.forEach((l, i) => (f1[i] = (f1[i] as number) + l.f1 / 20));
    }
  }
  return { macroF1: sum / 20, f1 };
}
