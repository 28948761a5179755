/**
 * The train/validation/test sets of both OPP-115 splits, each with the same extra corpora, so
 * the shipped model (PrivacyGLUE split) and the honest by-policy model share one recipe.
 */
import {
  loadApp350,
  loadApp350Labelled,
  loadOppStyle,
  loadPglue,
  loadSegments,
  loadTrainExtra,
  type Example,
} from './data';
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

export type ExtraData = typeof EXTRA_DATA;

function sentences(bench: Benchmark, segs: AnnotatedSegment[], data: ExtraData): Example[] {
  if (data.spanSentences <= 0) return [];
  const groupBy = bench === 'pglue' ? 'segment' : 'policy';
  return spanSentences(segs, data.spanSentences, groupBy, data.spanVotes);
}

/**
 * The benchmark's training side without the repo's own paragraphs: its OPP-115 segments (with
 * vote targets), their span sentences and APP-350, weighted as `data` says (select.ts varies it).
 */
export function corpusTraining(bench: Benchmark, data: ExtraData = EXTRA_DATA): Example[] {
  const load = bench === 'pglue' ? loadPglue : loadSegments;
  const segs = trainingSegments(bench);
  return [
    ...withVoteTargets(load('train'), segs, data.votes),
    ...sentences(bench, segs, data),
    ...(data.app350 > 0 ? loadApp350('train', data.app350) : []),
    ...labelledForProject(data),
  ];
}

/**
 * The segments labelled with all 12 PrivacyGLUE labels for this project (OPP-style segments,
 * relabelled APP-350 policies): always on the training side, for either benchmark and in cv.ts.
 */
export function labelledForProject(data: ExtraData): Example[] {
  return [
    ...(data.oppStyle > 0 ? loadOppStyle(data.oppStyle) : []),
    ...(data.app350Labelled > 0 ? loadApp350Labelled(data.app350Labelled) : []),
  ];
}

export function datasets(bench: Benchmark): Datasets {
  const load = bench === 'pglue' ? loadPglue : loadSegments;
  return {
    train: [
      ...corpusTraining(bench),
      ...(EXTRA_DATA.trainExtra > 0 ? loadTrainExtra(EXTRA_DATA.trainExtra) : []),
    ],
    validation: load('validation'),
    test: load('test'),
  };
}
