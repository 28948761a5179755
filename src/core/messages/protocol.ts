/**
 * The message protocol between Fineprint's contexts (STYLE.md item 6): every message, its payload
 * and its response type, and which receiver accepts which messages (STYLE.md item 8). Messages
 * are flat objects `{ type, ...payload }`. Validators live in ./index.ts.
 */
import type { PolicyReport, Quote } from '../report';
import type { PolicyDiff } from '../fingerprint';
import type { DetectionSummary, PageLabels } from './schemas';

/** What the content script is doing on its page. */
export type ContentStatus = 'idle' | 'analysing' | 'policy' | 'not-policy' | 'disabled';

/** What the popup shows for a tab. */
export type TabStatus =
  'analysing' | 'policy' | 'not-policy' | 'disabled' | 'paused' | 'unsupported';

export interface TabState {
  url: string;
  title: string;
  status: TabStatus;
  /** The user asked for analysis although detection said this is not a policy. */
  forced?: boolean | undefined;
  report?: PolicyReport | undefined;
  detection?: DetectionSummary | undefined;
  /** Changes since the last visit; null on a first visit or when nothing changed. */
  changes?: PolicyDiff | null | undefined;
  /** Paragraphs added or changed since the last visit (highlighted as new on the page). */
  newParagraphIds?: string[] | undefined;
  /** Quotes of every paragraph the report refers to (see `reportQuotes`), for clause lists. */
  quotes: Quote[];
  /** False when the policy is not in English, which the model reads; the popup says so. */
  english?: boolean | undefined;
}

/** A paragraph as the content script sends it for classification. */
export interface ParagraphPayload {
  id: string;
  text: string;
  heading?: string | undefined;
  isHeading: boolean;
}

/** A whole page's paragraphs and what the popup needs to know about the page. */
export interface AnalyseRequest {
  url: string;
  title: string;
  /** The user asked to analyse a page detection did not call a policy. */
  forced: boolean;
  detection: DetectionSummary;
  paragraphs: ParagraphPayload[];
  /**
   * A later analysis of the same page load (text the reader revealed, paragraphs the page
   * replaced, a new sensitivity): summarised again, but not recorded as a new version of the
   * policy, so opening a section never reads as "the policy changed".
   */
  recheck: boolean;
}

/** Labels for one part of a page's paragraphs (the page asks for its parts all at once). */
export interface ClassifyRequest {
  paragraphs: ParagraphPayload[];
}

export interface ClassifyResponse {
  /** One analysis per request paragraph, same order. */
  analyses: PageLabels[];
}

/** Main-thread cost of Fineprint on the page, in milliseconds (printed by `npm run bench`). */
export interface PageTimings {
  /** Policy detection, paid by every page. */
  detectMs: number;
  paragraphs?: number | undefined;
  segmentMs?: number | undefined;
  /**
   * Wall time from segmentation to the first labels: the round trip to the background, which
   * classifies off the page's main thread, for the first part of the page.
   */
  classifyMs?: number | undefined;
  /** Wall time from the first labels to the last highlight (later parts arrive meanwhile). */
  highlightMs?: number | undefined;
  /** Main-thread time spent highlighting, and the longest single slice of it. */
  highlightBusyMs?: number | undefined;
  longestSliceMs?: number | undefined;
  /** Wall time from segmentation start to the last highlight. */
  totalMs?: number | undefined;
}

export interface ContentStatusReply {
  status: ContentStatus;
  detection: DetectionSummary | null;
  url: string;
  timings?: PageTimings | undefined;
}

export interface TabStateReply {
  state: TabState | null;
}

type Empty = Record<never, never>;

export interface MessageMap {
  // content script → background
  'page/classify': { payload: ClassifyRequest; response: ClassifyResponse };
  /** Once every part is labelled: summary, badge and change tracking for the popup. */
  'page/summarise': { payload: AnalyseRequest; response: { ok: true } };
  'page/cleared': { payload: Empty; response: { ok: true } };
  /** The detector found a policy (or the user asked): inject the annotator into this frame. */
  'page/load-annotator': { payload: Empty; response: { ok: boolean } };
  // popup → background
  'popup/get-state': { payload: { tabId: number }; response: TabStateReply };
  // popup or background → content script (tabs.sendMessage)
  'content/get-status': { payload: Empty; response: ContentStatusReply };
  'content/analyse-anyway': { payload: Empty; response: { status: ContentStatus } };
  'content/jump-to': { payload: { paragraphId: string }; response: { found: boolean } };
  /** Paragraphs added or changed since the last visit; sent after the analysis answer. */
  'content/mark-new': { payload: { paragraphIds: string[] }; response: { ok: boolean } };
  'content/find-policy-link': { payload: Empty; response: { url: string | null } };
}

export type MessageType = keyof MessageMap;
export type Message<K extends MessageType = MessageType> = K extends MessageType
  ? { type: K } & MessageMap[K]['payload']
  : never;
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];

/** Allowlist for the background's runtime.onMessage when the sender is a content script. */
export const CONTENT_SCRIPT_MESSAGES = [
  'page/classify',
  'page/summarise',
  'page/cleared',
  'page/load-annotator',
] as const satisfies readonly MessageType[];
/** Allowlist for the background when the sender is an extension page (popup, options). */
export const EXTENSION_PAGE_MESSAGES = [
  'popup/get-state',
] as const satisfies readonly MessageType[];
/** Allowlist for the content script's runtime.onMessage. */
export const CONTENT_MESSAGES = [
  'content/get-status',
  'content/analyse-anyway',
  'content/jump-to',
  'content/mark-new',
  'content/find-policy-link',
] as const satisfies readonly MessageType[];

/** Any message the background accepts (from content scripts or from extension pages). */
export type RuntimeMessage = Message<
  (typeof CONTENT_SCRIPT_MESSAGES)[number] | (typeof EXTENSION_PAGE_MESSAGES)[number]
>;
/** Any message a content script accepts. */
export type ContentMessage = Message<(typeof CONTENT_MESSAGES)[number]>;
