/**
 * Handles one page analysis request from a content script: classify, compare with the last
 * visit, answer the page at once, then summarise, remember per tab and update the badge. The page
 * waits only for what it highlights; the popup's summary is built right after.
 */
import type { AnalyseRequest, AnalyseResponse, TabState } from '../core/messages';
import type { ParagraphAnalysis } from '../core/types';
import { buildReport, quoteText, type AnalysedParagraph } from '../core/report';
import { extractThirdParties } from '../core/third-parties';
import { fingerprintPolicy, type PolicyDiff } from '../core/fingerprint';
import { historyKey, recordAnalysis, type SiteHistory } from '../core/history';
import { thresholdOffset, type Settings } from '../core/settings';
import { looksEnglish } from '../core/language';
import { readHistory, readSettings, writeHistory, writeTabState } from '../platform/storage';
import { browser } from '../platform/browser';
import { classify } from './model';
import { showBadge } from './badge';

export async function analysePage(
  tabId: number,
  request: AnalyseRequest,
): Promise<AnalyseResponse> {
  const settings = await readSettings();
  const analyses = classify(request.paragraphs, thresholdOffset(settings));
  const paragraphs: AnalysedParagraph[] = request.paragraphs.map((p, i) => ({
    id: p.id,
    text: p.text,
    isHeading: p.isHeading,
    heading: p.heading,
    ...analyses[i]!,
  }));
  // The page waits only for the labels. Change tracking and the summary are queued so the
  // answer is sent first; paragraphs that are new since the last visit follow in their own
  // message (content/mark-new).
  setTimeout(() => void afterAnswer(tabId, request, settings, paragraphs), 0);
  return { analyses: analyses.map(compact) };
}

async function afterAnswer(
  tabId: number,
  request: AnalyseRequest,
  settings: Settings,
  paragraphs: AnalysedParagraph[],
): Promise<void> {
  const analysedAt = new Date().toISOString();
  const body = paragraphs.filter((p) => !p.isHeading);
  const changes = await trackChanges(settings, request.url, body, analysedAt);
  const newParagraphIds = changes
    ? [...changes.added, ...changes.modified].flatMap((i) => (body[i] ? [body[i].id] : []))
    : [];
  if (newParagraphIds.length > 0) {
    browser.tabs
      .sendMessage(
        tabId,
        { type: 'content/mark-new', paragraphIds: newParagraphIds },
        { frameId: 0 },
      )
      .catch(() => undefined);
  }
  await summarise(tabId, request, paragraphs, body, analysedAt, changes, newParagraphIds);
}

/**
 * Scores travel to the page rounded to three decimals (the tooltip shows whole percents): the
 * answer for a long policy shrinks by about half, and so does the time to pass it over.
 */
function compact(analysis: ParagraphAnalysis): ParagraphAnalysis {
  const scores = { ...analysis.scores };
  for (const id of Object.keys(scores) as (keyof typeof scores)[]) {
    scores[id] = Math.round(scores[id] * 1000) / 1000;
  }
  return { ...analysis, scores };
}

/**
 * The history as last read or written by this worker. Reading and validating the whole stored
 * history on every page would put milliseconds of storage work on the page's clock; it is read
 * once per worker lifetime and dropped when anything else (the popup's "clear") changes it.
 */
let cachedHistory: SiteHistory | null = null;
/** Our own writes still to come back through storage.onChanged, which must not drop the cache. */
let ownHistoryWrites = 0;

async function readHistoryCached(): Promise<SiteHistory> {
  cachedHistory ??= await readHistory();
  return cachedHistory;
}

/** Called for every change of the stored history; only changes made elsewhere drop the cache. */
export function historyChanged(): void {
  if (ownHistoryWrites > 0) ownHistoryWrites--;
  else cachedHistory = null;
}

/** Records this version of the policy and returns what changed since the last one seen. */
async function trackChanges(
  settings: Settings,
  url: string,
  body: AnalysedParagraph[],
  analysedAt: string,
): Promise<PolicyDiff | null> {
  const key = historyKey(url);
  if (!settings.trackChanges || !key) return null;
  const fingerprint = fingerprintPolicy(body, analysedAt, {
    storeFullText: settings.storeFullText,
  });
  const { history, diff } = recordAnalysis(await readHistoryCached(), key, fingerprint);
  cachedHistory = history;
  // Persisting can finish after the page has its answer.
  ownHistoryWrites++;
  void writeHistory(history).catch(() => ownHistoryWrites--);
  return diff?.changed ? diff : null;
}

async function summarise(
  tabId: number,
  request: AnalyseRequest,
  paragraphs: AnalysedParagraph[],
  body: AnalysedParagraph[],
  analysedAt: string,
  changes: PolicyDiff | null,
  newParagraphIds: string[],
): Promise<void> {
  const report = buildReport({
    url: request.url,
    title: request.title,
    analysedAt,
    paragraphs,
    thirdParties: extractThirdParties(body),
  });
  const state: TabState = {
    url: request.url,
    title: request.title,
    status: 'policy',
    forced: request.forced,
    detection: request.detection,
    report,
    changes,
    newParagraphIds,
    english: looksEnglish(body.map((p) => p.text)),
    // Every clause the popup can list, quoted once here so the popup needs no page access.
    quotes: body
      .filter((p) => p.categories.length > 0 || p.sensitive.length > 0)
      .map((p) => ({ paragraphId: p.id, text: quoteText(p.text) })),
  };
  await writeTabState(tabId, state);
  await showBadge(tabId, state);
}
