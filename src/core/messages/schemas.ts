/**
 * Runtime guards for the domain shapes that cross contexts: paragraph analyses, reports,
 * detection summaries and diffs. Each field has its own bound (see the constants), sized from
 * what the producers actually send. Guards are built when the module loads; the `@__PURE__`
 * marks let a bundle drop those its context never uses (the every-page detector drops the report
 * schemas).
 */
import type { CategoryResult, ParagraphAnalysis, SensitiveSpan } from '../types';
import type { CategoryId, SensitiveId } from '../taxonomy';
import { CATEGORY_IDS, SENSITIVE_IDS } from '../taxonomy';
import type { Finding, ThirdPartyRef } from '../risk';
import type { LabelTally, PolicyReport, Quote, ReportFinding, SensitiveTally } from '../report';
import {
  MAX_QUOTES_PER_FINDING,
  MAX_QUOTE_LENGTH,
  REPORT_LIMITS,
  REPORT_SCHEMA_VERSION,
} from '../report';
import type { PolicyDiff, RemovedParagraph } from '../fingerprint';
import {
  arr,
  bool,
  literal,
  num,
  obj,
  optional,
  partialRecord,
  record,
  refine,
  str,
  type Guard,
} from './guards';

/** Paragraph ids are short generated tokens. */
export const MAX_ID = 128;
export const MAX_URL = REPORT_LIMITS.url;
/** The content script cuts paragraph text at 4000 characters before sending it. */
export const MAX_PARAGRAPH_TEXT = 4000;
/** Policies have up to ~2000 paragraphs; 5000 leaves room. */
export const MAX_PARAGRAPHS = 5000;
export const MAX_REASONS = 50;
export const MAX_FINDINGS = 100;
export const MAX_THIRD_PARTIES = REPORT_LIMITS.thirdParties;
export const MAX_SPANS_PER_PARAGRAPH = 500;

export interface DetectionSummary {
  isPolicy: boolean;
  /** Probability-like score, 0..1. */
  score: number;
  /** Human-readable features that moved the score, strongest first. */
  reasons: string[];
}

export const id = /* @__PURE__ */ str(MAX_ID);
export const url = /* @__PURE__ */ str(MAX_URL);
const text = /* @__PURE__ */ str();
const ids = /* @__PURE__ */ arr(id, MAX_PARAGRAPHS);
const categoryId = /* @__PURE__ */ literal<CategoryId>(CATEGORY_IDS);
const sensitiveId = /* @__PURE__ */ literal<SensitiveId>(SENSITIVE_IDS);
const probability = /* @__PURE__ */ num(0, 1);
const count = /* @__PURE__ */ num(0, Number.MAX_SAFE_INTEGER, true);
const offset = /* @__PURE__ */ num(0, MAX_PARAGRAPH_TEXT, true);

export const isDetectionSummary = /* @__PURE__ */ obj<DetectionSummary>({
  isPolicy: bool,
  score: probability,
  reasons: arr(str(500), MAX_REASONS),
});

const span = /* @__PURE__ */ refine(
  obj<SensitiveSpan>({ type: sensitiveId, start: offset, end: offset }),
  (s) => s.end >= s.start,
);

export const isParagraphAnalysis = /* @__PURE__ */ obj<ParagraphAnalysis>({
  categories: arr(categoryId, CATEGORY_IDS.length),
  scores: record(CATEGORY_IDS, probability) as Guard<CategoryResult['scores']>,
  sensitive: arr(sensitiveId, SENSITIVE_IDS.length),
  spans: arr(span, MAX_SPANS_PER_PARAGRAPH),
});

/**
 * Labels as the page receives them (`page/classify`): the scores of the paragraph's own
 * categories only, which is all the tooltip shows; the other nine of ten would double the answer.
 */
export type PageLabels = Omit<ParagraphAnalysis, 'scores'> & {
  scores: Partial<Record<CategoryId, number>>;
};

export const isPageLabels = /* @__PURE__ */ obj<PageLabels>({
  categories: arr(categoryId, CATEGORY_IDS.length),
  scores: partialRecord(CATEGORY_IDS, probability),
  sensitive: arr(sensitiveId, SENSITIVE_IDS.length),
  spans: arr(span, MAX_SPANS_PER_PARAGRAPH),
});

const labelId = /* @__PURE__ */ literal<CategoryId | SensitiveId>([
  ...CATEGORY_IDS,
  ...SENSITIVE_IDS,
]);

const findingShape = {
  id: str(64),
  severity: literal<Finding['severity']>(['high', 'medium', 'low', 'info']),
  title: text,
  detail: text,
  paragraphIds: ids,
  label: labelId,
};

const quote = /* @__PURE__ */ obj<Quote>({ paragraphId: id, text: str(MAX_QUOTE_LENGTH) });

export const isReportFinding = /* @__PURE__ */ obj<ReportFinding>({
  ...findingShape,
  quotes: arr(quote, MAX_QUOTES_PER_FINDING),
});

export const isThirdParty = /* @__PURE__ */ obj<ThirdPartyRef>({
  name: str(REPORT_LIMITS.name),
  kind: str(REPORT_LIMITS.kind),
  paragraphIds: ids,
});

const tally = /* @__PURE__ */ obj<LabelTally>({ count, paragraphIds: ids });
const sensitiveTally = /* @__PURE__ */ obj<SensitiveTally>({
  count,
  mentions: count,
  paragraphIds: ids,
});

export const isPolicyReport = /* @__PURE__ */ obj<PolicyReport>({
  schemaVersion: literal([REPORT_SCHEMA_VERSION]),
  url,
  title: str(REPORT_LIMITS.title),
  analysedAt: str(64),
  paragraphCount: count,
  categories: record(CATEGORY_IDS, tally),
  sensitive: record(SENSITIVE_IDS, sensitiveTally),
  thirdParties: arr(isThirdParty, MAX_THIRD_PARTIES),
  risk: obj<PolicyReport['risk']>({
    level: literal<PolicyReport['risk']['level']>(['low', 'medium', 'high', 'unknown']),
    score: count,
  }),
  findings: arr(isReportFinding, MAX_FINDINGS),
  positives: arr(isReportFinding, MAX_FINDINGS),
});

const removed = /* @__PURE__ */ obj<RemovedParagraph>({
  categories: arr(categoryId, CATEGORY_IDS.length),
  sensitive: arr(sensitiveId, SENSITIVE_IDS.length),
  text: optional(str(MAX_PARAGRAPH_TEXT)),
});
const indices = /* @__PURE__ */ arr(num(0, MAX_PARAGRAPHS, true), MAX_PARAGRAPHS);

export const isPolicyDiff = /* @__PURE__ */ obj<PolicyDiff>({
  changed: bool,
  since: str(64),
  added: indices,
  removed: arr(removed, MAX_PARAGRAPHS),
  modified: indices,
});
