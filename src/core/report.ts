/**
 * The analysis report of one policy page (issue 4): what the popup shows, what the export writes
 * and what the content script sends to the background. It is built from the classified
 * paragraphs and keeps short quotes of the clauses each finding rests on, so the evidence travels
 * with the finding even when the page is gone.
 */
import type { ParagraphAnalysis } from './types';
import type { CategoryId, SensitiveId } from './taxonomy';
import { CATEGORY_IDS, SENSITIVE_IDS } from './taxonomy';
import type { Finding, RiskLevel, ThirdPartyRef } from './risk';
import { assessRisk } from './risk';

export type { ThirdPartyRef } from './risk';

export const REPORT_SCHEMA_VERSION = 1;
/** Longest quote kept per clause, in UTF-16 code units, ellipsis included. */
export const MAX_QUOTE_LENGTH = 300;
/**
 * Quotes kept per finding. Twenty clauses are ample evidence, and the cap keeps a report of a
 * policy where every paragraph shares data (each quoted by several findings) small in storage
 * and in messages.
 */
export const MAX_QUOTES_PER_FINDING = 20;

/** One paragraph as the content script analysed it. */
export type AnalysedParagraph = {
  id: string;
  text: string;
  isHeading: boolean;
  heading?: string | undefined;
} & ParagraphAnalysis;

export interface LabelTally {
  /** Number of scored (non-heading) paragraphs with the label. */
  count: number;
  /** Those paragraphs, in reading order. */
  paragraphIds: string[];
}

export interface SensitiveTally extends LabelTally {
  /** Number of affirmed phrases (highlight spans) of the type, across those paragraphs. */
  mentions: number;
}

export interface Quote {
  paragraphId: string;
  /** Whitespace-collapsed paragraph text, cut at a word boundary to ≤ MAX_QUOTE_LENGTH. */
  text: string;
}

export interface ReportFinding extends Finding {
  /**
   * Quotes of the first MAX_QUOTES_PER_FINDING paragraph ids, in the same order. `paragraphIds`
   * stays complete (jump-to works for all); use its length for "and N more".
   */
  quotes: Quote[];
}

export interface PolicyReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  url: string;
  title: string;
  /** ISO 8601 timestamp. */
  analysedAt: string;
  /** Scored (non-heading) paragraphs. */
  paragraphCount: number;
  categories: Record<CategoryId, LabelTally>;
  sensitive: Record<SensitiveId, SensitiveTally>;
  thirdParties: ThirdPartyRef[];
  risk: { level: RiskLevel; score: number };
  /** Risks, ordered by severity then clause position (see risk.ts). */
  findings: ReportFinding[];
  /** Points in the user's favour. */
  positives: ReportFinding[];
}

/**
 * Bounds applied while building, matching the message validators (messages/schemas.ts), so a
 * report built here always passes them however long a page title or third-party name is.
 */
export const REPORT_LIMITS = {
  url: 4096,
  title: 2048,
  name: 200,
  kind: 64,
  thirdParties: 500,
} as const;

export interface ReportInput {
  url: string;
  title: string;
  analysedAt: string;
  paragraphs: readonly AnalysedParagraph[];
  thirdParties?: readonly ThirdPartyRef[];
}

/** Collapses whitespace and cuts at the last word boundary that fits, adding an ellipsis. */
export function quoteText(text: string, max = MAX_QUOTE_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji, say) at the cut.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  // A single 300-character "word" (a URL, say) is cut mid-word rather than dropped.
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.trimEnd()}…`;
}

function emptyTallies<K extends string, T>(keys: readonly K[], make: () => T): Record<K, T> {
  const out = {} as Record<K, T>;
  for (const k of keys) out[k] = make();
  return out;
}

export function buildReport(input: ReportInput): PolicyReport {
  const categories = emptyTallies<CategoryId, LabelTally>(CATEGORY_IDS, () => ({
    count: 0,
    paragraphIds: [],
  }));
  const sensitive = emptyTallies<SensitiveId, SensitiveTally>(SENSITIVE_IDS, () => ({
    count: 0,
    mentions: 0,
    paragraphIds: [],
  }));
  const textById = new Map<string, string>();
  let paragraphCount = 0;
  for (const p of input.paragraphs) {
    if (!textById.has(p.id)) textById.set(p.id, p.text);
    if (p.isHeading) continue;
    paragraphCount += 1;
    for (const c of new Set(p.categories)) {
      categories[c].count += 1;
      categories[c].paragraphIds.push(p.id);
    }
    for (const s of new Set(p.sensitive)) {
      sensitive[s].count += 1;
      sensitive[s].paragraphIds.push(p.id);
      sensitive[s].mentions += p.spans.filter((span) => span.type === s).length;
    }
  }

  const thirdParties = (input.thirdParties ?? []).slice(0, REPORT_LIMITS.thirdParties).map((t) => ({
    name: t.name.slice(0, REPORT_LIMITS.name),
    kind: t.kind.slice(0, REPORT_LIMITS.kind),
    paragraphIds: [...t.paragraphIds],
  }));
  const risk = assessRisk(input.paragraphs, thirdParties);
  const withQuotes = (f: Finding): ReportFinding => ({
    ...f,
    quotes: f.paragraphIds.slice(0, MAX_QUOTES_PER_FINDING).map((paragraphId) => ({
      paragraphId,
      text: quoteText(textById.get(paragraphId) ?? ''),
    })),
  });

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    url: input.url.slice(0, REPORT_LIMITS.url),
    title: input.title.slice(0, REPORT_LIMITS.title),
    analysedAt: input.analysedAt,
    paragraphCount,
    categories,
    sensitive,
    thirdParties,
    risk: { level: risk.level, score: risk.score },
    findings: risk.reasons.map(withQuotes),
    positives: risk.positives.map(withQuotes),
  };
}

/**
 * Quotes of every scored paragraph the report refers to (categories, sensitive types, third
 * parties, findings), in reading order: what the popup's clause lists show for each category.
 */
export function reportQuotes(
  report: PolicyReport,
  paragraphs: readonly { id: string; text: string }[],
): Quote[] {
  const wanted = new Set<string>();
  for (const t of Object.values(report.categories)) t.paragraphIds.forEach((id) => wanted.add(id));
  for (const t of Object.values(report.sensitive)) t.paragraphIds.forEach((id) => wanted.add(id));
  for (const t of report.thirdParties) t.paragraphIds.forEach((id) => wanted.add(id));
  for (const f of [...report.findings, ...report.positives]) {
    f.paragraphIds.forEach((id) => wanted.add(id));
  }
  const quotes: Quote[] = [];
  for (const p of paragraphs) {
    if (!wanted.has(p.id)) continue;
    wanted.delete(p.id);
    quotes.push({ paragraphId: p.id, text: quoteText(p.text) });
  }
  return quotes;
}
