/**
 * Transparent risk scoring for the popup (issue 4). The level is never an opaque grade: it is the
 * sum of the weights of the findings listed in `reasons`, and every finding names the clauses it
 * rests on (or says that no clause was found, for absences). Rules and weights are documented
 * next to each rule so a privacy reviewer can challenge them one by one.
 */
import type { CategoryId, LabelId, SensitiveId } from './taxonomy';
import { CATEGORY_IDS } from './taxonomy';
import {
  buildIndex,
  changeAndDntFindings,
  presenceFindings,
  retentionFindings,
  sensitiveFindings,
} from './risk-rules';
import { sharingFindings } from './risk-sharing';

export type Severity = 'high' | 'medium' | 'low' | 'info';
export type RiskLevel = 'low' | 'medium' | 'high' | 'unknown';

export interface Finding {
  /** Stable id such as `sensitive:biometric` or `retention:missing`; safe to use as a UI key. */
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  /** Clauses the finding rests on, in reading order; empty for an absence ("no clause found"). */
  paragraphIds: string[];
  label: LabelId;
}

export interface RiskAssessment {
  level: RiskLevel;
  /** Sum of SEVERITY_WEIGHT over `reasons`. */
  score: number;
  /** Findings against the user, ordered by severity, then by first clause position. */
  reasons: Finding[];
  /** Findings in the user's favour (all severity `info`); shown, but they do not lower the score. */
  positives: Finding[];
}

/** The paragraph facts the rules need; the report's analysed paragraphs satisfy it. */
export interface RiskParagraph {
  id: string;
  text: string;
  isHeading?: boolean | undefined;
  categories: readonly CategoryId[];
  sensitive: readonly SensitiveId[];
}

export interface ThirdPartyRef {
  name: string;
  /** Free-form kind from third-party extraction, e.g. `advertising`, `analytics`, `processor`. */
  kind: string;
  paragraphIds: string[];
}

/**
 * Weights per severity. Absences weigh less than explicit practices because a classifier can
 * miss a clause that is there. Info findings (and positives) weigh nothing.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { high: 40, medium: 15, low: 5, info: 0 };

/**
 * Score thresholds: score ≥ high → high; score ≥ medium → medium; otherwise low. Set on the 115
 * OPP-115 policies (gold categories, our sensitive-data and third-party detectors) so the level
 * separates them instead of calling nearly all "high": their scores have quartiles 95 / 140 /
 * 180, and these cut-offs put roughly a third in each level. Most ad-funded sites share with ad
 * networks, so high takes several serious practices at once (e.g. ad sharing plus trackers plus
 * precise location plus a missing retention period); the findings list says which.
 */
export const LEVEL_THRESHOLDS = { high: 150, medium: 95 } as const;

/**
 * Below this many scored paragraphs (or with none outside `other`) the page is too thin to judge,
 * so the level is `unknown` and absence findings are not emitted: "no retention clause" on a
 * three-line cookie banner would be noise, not evidence.
 */
export const MIN_SCORED_PARAGRAPHS = 3;

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Severity first, then the position of the first clause (absences last), then id. */
function orderFindings(findings: Finding[], position: Map<string, number>): Finding[] {
  const first = (f: Finding): number =>
    Math.min(Infinity, ...f.paragraphIds.map((id) => position.get(id) ?? Infinity));
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      first(a) - first(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** This many high-severity findings make a policy high risk whatever the total. */
export const HIGH_FINDINGS_FOR_HIGH = 3;

export function levelForScore(score: number, highFindings = 0): Exclude<RiskLevel, 'unknown'> {
  if (score >= LEVEL_THRESHOLDS.high || highFindings >= HIGH_FINDINGS_FOR_HIGH) return 'high';
  if (score >= LEVEL_THRESHOLDS.medium) return 'medium';
  return 'low';
}

/** Scores a policy from its analysed paragraphs (headings are skipped) and named third parties. */
export function assessRisk(
  paragraphs: readonly RiskParagraph[],
  thirdParties: readonly ThirdPartyRef[] = [],
): RiskAssessment {
  const index = buildIndex(paragraphs);
  const assessable =
    index.scored.length >= MIN_SCORED_PARAGRAPHS &&
    CATEGORY_IDS.some((c) => c !== 'other' && index.byCategory.has(c));

  const groups = [
    sensitiveFindings(index),
    sharingFindings(index, thirdParties),
    retentionFindings(index, assessable),
    presenceFindings(index, assessable),
    changeAndDntFindings(index),
  ];
  const reasons = orderFindings(
    groups.flatMap(([risks]) => risks),
    index.position,
  );
  const positives = orderFindings(
    groups.flatMap(([, inFavour]) => inFavour),
    index.position,
  );
  const score = reasons.reduce((sum, f) => sum + SEVERITY_WEIGHT[f.severity], 0);
  const highs = reasons.filter((f) => f.severity === 'high').length;
  return { level: assessable ? levelForScore(score, highs) : 'unknown', score, reasons, positives };
}
