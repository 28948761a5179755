/**
 * The train/validation/test sets of both OPP-115 splits, each with the same extra corpora, so
 * the shipped model (PrivacyGLUE split) and the honest by-policy model share one recipe.
 */
import { loadApp350, loadPglue, loadSegments, loadTrainExtra, type Example } from './data';
import { EXTRA_DATA } from './recipe';
import { readSegments, spanSentences, type AnnotatedSegment } from './span-sentences';
import { withVoteTargets } from './votes';

export type Benchmark = 'pglue' | 'by-policy';

export interface Datasets {
  train: Example[];
  validation: Example[];
  test: Example[];
}

/**
 * OPP-115 segments that belong to the benchmark's training side only:
 * for PrivacyGLUE, segments whose text is in its train split and nowhere else; for the
 * by-policy split, segments of its training policies.
 */
function trainingSegments(bench: Benchmark): AnnotatedSegment[] {
  const policies = new Set(loadSegments('train').map((e) => e.doc ?? ''));
  return readSegments().filter((s) =>
    bench === 'pglue' ? s.pglue_split === 'train' : policies.has(s.policy),
  );
}

function sentences(bench: Benchmark, segs: AnnotatedSegment[]): Example[] {
  if (EXTRA_DATA.spanSentences <= 0) return [];
  const groupBy = bench === 'pglue' ? 'segment' : 'policy';
  return spanSentences(segs, EXTRA_DATA.spanSentences, groupBy, EXTRA_DATA.spanVotes);
}

export function extras(): Example[] {
  return [
    ...(EXTRA_DATA.app350 > 0 ? loadApp350('train', EXTRA_DATA.app350) : []),
    ...(EXTRA_DATA.trainExtra > 0 ? loadTrainExtra(EXTRA_DATA.trainExtra) : []),
  ];
}

export function datasets(bench: Benchmark): Datasets {
  const load = bench === 'pglue' ? loadPglue : loadSegments;
  const segs = trainingSegments(bench);
  return {
    train: [
      ...withVoteTargets(load('train'), segs, EXTRA_DATA.votes),
      ...sentences(bench, segs),
      ...extras(),
    ],
    validation: load('validation'),
    test: load('test'),
  };
}
