/** Label names of the corpora → the model's output heads (src/core/classifier/model.ts). */
import { HEAD_IDS, type HeadId } from '../../src/core/classifier/index';
import { OPP115_CATEGORY_TO_ID } from '../../src/core/taxonomy';

/** PrivacyGLUE's 12 OPP-115 labels → heads; the three `Other` subtypes get their own heads. */
export const PGLUE_LABEL_TO_HEAD: Record<string, HeadId> = {
  ...Object.fromEntries(Object.entries(OPP115_CATEGORY_TO_ID).filter(([k]) => k !== 'Other')),
  'Introductory/Generic': 'other/introductory',
  'Practice not covered': 'other/practice-not-covered',
  'Privacy contact information': 'other/contact',
};

/**
 * The head of a label as OPP-115's raw annotations spell it: a category, `Other`, or an `Other`
 * subtype as "Other: <type>"; undefined for labels PrivacyGLUE does not score.
 */
export function rawLabelHead(name: string): HeadId | undefined {
  return name === 'Other' ? 'other' : PGLUE_LABEL_TO_HEAD[name.replace(/^Other: /, '')];
}

/** The 12 heads PrivacyGLUE scores, in the order its label-distribution files list them. */
export const PGLUE_HEADS: HeadId[] = [
  'first-party-collection',
  'third-party-sharing',
  'user-access',
  'data-retention',
  'data-security',
  'specific-audiences',
  'do-not-track',
  'policy-change',
  'user-choice',
  'other/introductory',
  'other/practice-not-covered',
  'other/contact',
];

export const H = HEAD_IDS.length;
export const headIndex = (id: HeadId): number => HEAD_IDS.indexOf(id);

/** Targets per head: 1 positive, 0 negative, -1 unknown (the loss ignores it). */
export type Targets = Int8Array;

export function emptyTargets(fill: 0 | -1): Targets {
  return new Int8Array(H).fill(fill);
}
