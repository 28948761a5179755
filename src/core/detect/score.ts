/**
 * Privacy-policy page scoring: a weighted sum of the bounded features in ./features.ts passed
 * through a logistic function. Weights were set by hand and tuned on the "dev" half of
 * tests/fixtures/detection (see scripts/eval/30-detection.ts, which also reports the held-out half).
 */
import type { PageSignals } from './signals';
import * as F from './features';

export interface WeightedFeature {
  name: string;
  weight: number;
  /** Short phrase for the reasons list. */
  says: string;
  fn: (s: F.PreparedSignals) => number;
}

export const FEATURES: readonly WeightedFeature[] = [
  { name: 'urlPrivacy', weight: 1.5, says: 'address ends in a privacy page', fn: F.urlPrivacy },
  {
    name: 'urlOtherPage',
    weight: -1.2,
    says: 'address names another page type',
    fn: F.urlOtherPage,
  },
  {
    name: 'titlePolicyName',
    weight: 2.5,
    says: 'title names a privacy policy',
    fn: F.titlePolicyName,
  },
  { name: 'titlePrivacyWord', weight: 1.2, says: 'title is about privacy', fn: F.titlePrivacyWord },
  {
    name: 'titleOtherPage',
    weight: -2,
    says: 'title names another page type',
    fn: F.titleOtherPage,
  },
  {
    name: 'headingPolicyName',
    weight: 2,
    says: 'top heading names a privacy policy',
    fn: F.headingPolicyName,
  },
  {
    name: 'headingOtherPage',
    weight: -1.5,
    says: 'top heading names another page type',
    fn: F.headingOtherPage,
  },
  {
    name: 'headingPolicySections',
    weight: 2,
    says: 'policy section headings',
    fn: F.headingPolicySections,
  },
  {
    name: 'headingTermsSections',
    weight: -2,
    says: 'terms-of-service section headings',
    fn: F.headingTermsSections,
  },
  {
    name: 'textPolicyVocab',
    weight: 2.5,
    says: 'privacy-practice vocabulary',
    fn: F.textPolicyVocab,
  },
  {
    name: 'textWeVoice',
    weight: 1.5,
    says: 'service describes its own data handling',
    fn: F.textWeVoice,
  },
  { name: 'textTermsShare', weight: -4, says: 'contract vocabulary', fn: F.textTermsShare },
  { name: 'textCookieShare', weight: -3, says: 'cookie-only vocabulary', fn: F.textCookieShare },
  { name: 'textNewsShare', weight: -3, says: 'news vocabulary', fn: F.textNewsShare },
  { name: 'textProductShare', weight: -3, says: 'shopping vocabulary', fn: F.textProductShare },
  {
    name: 'textDocsShare',
    weight: -2.5,
    says: 'documentation/how-to vocabulary',
    fn: F.textDocsShare,
  },
  { name: 'textAdviceShare', weight: -3, says: 'advice to businesses', fn: F.textAdviceShare },
  {
    name: 'textSecurityShare',
    weight: -2,
    says: 'security-page vocabulary',
    fn: F.textSecurityShare,
  },
  { name: 'textAppShare', weight: -2, says: 'sign-in/careers vocabulary', fn: F.textAppShare },
  { name: 'shortPage', weight: -2, says: 'very little text', fn: F.shortPage },
];

export const BIAS = -3;
/** A page is a policy when its probability reaches this. */
export const POLICY_THRESHOLD = 0.5;
/** Contributions smaller than this (in logits) are left out of `reasons`. */
const REASON_MIN = 0.3;

export interface PolicyScore {
  isPolicy: boolean;
  /** Probability-like score, 0..1. */
  score: number;
  /** The features that moved the score most, strongest first, e.g. "title names a privacy policy (+2.5)". */
  reasons: string[];
}

/** Feature values by name, for evaluation and debugging. */
export function featureValues(signals: PageSignals): Record<string, number> {
  const prepared = F.prepareSignals(signals);
  return Object.fromEntries(FEATURES.map((f) => [f.name, f.fn(prepared)]));
}

export function scorePolicyPage(signals: PageSignals): PolicyScore {
  const prepared = F.prepareSignals(signals);
  let logit = BIAS;
  const contributions: { says: string; value: number }[] = [];
  for (const feature of FEATURES) {
    const value = feature.weight * feature.fn(prepared);
    logit += value;
    if (Math.abs(value) >= REASON_MIN) contributions.push({ says: feature.says, value });
  }
  contributions.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const score = 1 / (1 + Math.exp(-logit));
  return {
    isPolicy: score >= POLICY_THRESHOLD,
    score,
    reasons: contributions.map((c) => `${c.says} (${c.value > 0 ? '+' : ''}${c.value.toFixed(1)})`),
  };
}
