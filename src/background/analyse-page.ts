/**
 * A page's analysis in the background, in two steps. `page/classify` labels one part of the
 * page's paragraphs and answers at once: the page asks for all its parts together and highlights
 * part k while this worker classifies part k + 1. `page/summarise` follows with the whole page:
 * change tracking, the popup's summary and the badge, reusing the labels just computed.
 */
import type {
  AnalyseRequest,
  ClassifyResponse,
  PageLabels,
  ParagraphPayload,
  TabState,
} from '../core/messages';
import type { ParagraphAnalysis } from '../core/types';
import { buildReport, quoteText, type AnalysedParagraph } from '../core/report';
import { extractThirdParties } from '../core/third-parties';
import { fingerprintPolicy, type PolicyDiff } from '../core/fingerprint';
import { historyKey, recordAnalysis, type SiteHistory } from '../core/history';
import { thresholdOffset, type Settings } from '../core/settings';
import { looksEnglish } from '../core/language';
import { MAX_PARAGRAPHS } from '../core/messages/schemas';
import {
  readHistory,
  readSettings,
  readTabState,
  writeHistory,
  writeTabState,
} from '../platform/storage';
import { browser } from '../platform/browser';
import { classify } from './model';
import { showBadge } from './badge';

interface Labelled {
  payload: ParagraphPayload;
  offset: number;
  analysis: ParagraphAnalysis;
}

/**
 * Labels given to each tab's page since its last summary, by paragraph id. Only a cache: after a
 * worker restart it is empty and the summary classifies again. Bounded per tab.
 */
const labelled = new Map<number, Map<string, Labelled>>();

export function forgetTab(tabId: number): void {
  labelled.delete(tabId);
}

function remember(tabId: number, item: Labelled): void {
  let byId = labelled.get(tabId);
  if (!byId || byId.size >= MAX_PARAGRAPHS) labelled.set(tabId, (byId = new Map()));
  byId.set(item.payload.id, item);
}

/**
 * The settings as last read by this worker, dropped whenever they change (settingsChanged). A
 * storage read per part would put a few milliseconds of waiting on the page's first labels.
 */
let cachedSettings: Promise<Settings> | null = null;

function currentSettings(): Promise<Settings> {
  const settings = (cachedSettings ??= readSettings());
  settings.catch(() => (cachedSettings = null));
  return settings;
}

export function settingsChanged(): void {
  cachedSettings = null;
}

export async function classifyPart(
  tabId: number,
  paragraphs: ParagraphPayload[],
): Promise<ClassifyResponse> {
  const offset = thresholdOffset(await currentSettings());
  const analyses = classify(paragraphs, offset);
  paragraphs.forEach((payload, i) => remember(tabId, { payload, offset, analysis: analyses[i]! }));
  return { analyses: analyses.map(compact) };
}

const samePayload = (a: ParagraphPayload, b: ParagraphPayload): boolean =>
  a.text === b.text && a.heading === b.heading && a.isHeading === b.isHeading;

/** The whole page's labels: those this worker gave the page, the rest classified now. */
function labelsFor(tabId: number, request: AnalyseRequest, offset: number): ParagraphAnalysis[] {
  const known = labelled.get(tabId);
  labelled.delete(tabId);
  const cached = request.paragraphs.map((p) => {
    const hit = known?.get(p.id);
    return hit && hit.offset === offset && samePayload(hit.payload, p) ? hit.analysis : null;
  });
  const missing = request.paragraphs.filter((_, i) => cached[i] === null);
  const fresh = missing.length > 0 ? classify(missing, offset) : [];
  let next = 0;
  return cached.map((hit) => hit ?? fresh[next++]!);
}

export async function summarisePage(tabId: number, request: AnalyseRequest): Promise<{ ok: true }> {
  const settings = await currentSettings();
  const analyses = labelsFor(tabId, request, thresholdOffset(settings));
  const paragraphs: AnalysedParagraph[] = request.paragraphs.map((p, i) => ({
    id: p.id,
    text: p.text,
    isHeading: p.isHeading,
    heading: p.heading,
    ...analyses[i]!,
  }));
  await trackAndSummarise(tabId, request, settings, paragraphs);
  return { ok: true };
}

async function trackAndSummarise(
  tabId: number,
  request: AnalyseRequest,
  settings: Settings,
  paragraphs: AnalysedParagraph[],
): Promise<void> {
  const analysedAt = new Date().toISOString();
  const body = paragraphs.filter((p) => !p.isHeading);
  let changes: PolicyDiff | null;
  let newParagraphIds: string[];
  if (request.recheck) {
    // Same page load: what changed since the last visit is what the first analysis found.
    const before = await readTabState(tabId);
    const same = before !== null && before.url === request.url;
    changes = same ? (before.changes ?? null) : null;
    newParagraphIds = same ? (before.newParagraphIds ?? []) : [];
  } else {
    changes = await trackChanges(settings, request.url, body, analysedAt);
    newParagraphIds = changes
      ? [...changes.added, ...changes.modified].flatMap((i) => (body[i] ? [body[i].id] : []))
      : [];
  }
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
 * What the page needs of an analysis: the scores of the paragraph's own categories only, rounded
 * to three decimals (the tooltip shows whole percents). A long policy's answer shrinks to about
 * a third, and so does the time the page spends reading and checking it.
 */
function compact(analysis: ParagraphAnalysis): PageLabels {
  const scores: PageLabels['scores'] = {};
  for (const id of analysis.categories) scores[id] = Math.round(analysis.scores[id] * 1000) / 1000;
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
