/**
 * Every message between Fineprint's contexts with a runtime validator for each (STYLE.md items 6
 * and 8). Receivers accept only the types on their allowlist (./protocol.ts) and only payloads
 * that pass the validator, so a compromised content script can neither crash nor bloat the
 * background: every field is type-checked, every string and array bounded, unknown and
 * prototype-polluting keys rejected.
 */
import type { Quote } from '../report';
import { MAX_QUOTE_LENGTH } from '../report';
import {
  arr,
  bool,
  check,
  isPlainObject,
  literal,
  nullable,
  num,
  obj,
  optional,
  str,
} from './guards';
import type { Budget, Guard } from './guards';
import {
  MAX_PARAGRAPHS,
  MAX_PARAGRAPH_TEXT,
  id,
  isDetectionSummary,
  isPageLabels,
  isPolicyDiff,
  isPolicyReport,
  url,
} from './schemas';

import type {
  ClassifyResponse,
  ContentMessage,
  ContentStatus,
  ContentStatusReply,
  PageTimings,
  Message,
  MessageType,
  ParagraphPayload,
  ResponseOf,
  TabState,
  TabStateReply,
  TabStatus,
} from './protocol';
import { CONTENT_MESSAGES } from './protocol';

export * from './protocol';
export type { DetectionSummary, PageLabels } from './schemas';
export { isDetectionSummary, isParagraphAnalysis, isPolicyDiff, isPolicyReport } from './schemas';
export { check, type Guard } from './guards';

const type = <K extends MessageType>(k: K): Guard<K> => literal<K>([k]);
const title = /* @__PURE__ */ str();
const paragraph = /* @__PURE__ */ obj<ParagraphPayload>({
  id,
  text: str(MAX_PARAGRAPH_TEXT),
  heading: optional(str(500)),
  isHeading: bool,
});

/** One validator per message, checking the whole message including `type`. */
export const MESSAGE_VALIDATORS: { [K in MessageType]: Guard<Message<K>> } = {
  'page/classify': obj<Message<'page/classify'>>({
    type: type('page/classify'),
    paragraphs: arr(paragraph, MAX_PARAGRAPHS),
  }),
  'page/summarise': obj<Message<'page/summarise'>>({
    type: type('page/summarise'),
    url,
    title,
    forced: bool,
    detection: isDetectionSummary,
    paragraphs: arr(paragraph, MAX_PARAGRAPHS),
    recheck: bool,
  }),
  'page/cleared': obj<Message<'page/cleared'>>({ type: type('page/cleared') }),
  'page/load-annotator': obj<Message<'page/load-annotator'>>({
    type: type('page/load-annotator'),
  }),
  'popup/get-state': obj<Message<'popup/get-state'>>({
    type: type('popup/get-state'),
    tabId: num(-1, Number.MAX_SAFE_INTEGER, true),
  }),
  'content/get-status': obj<Message<'content/get-status'>>({ type: type('content/get-status') }),
  'content/analyse-anyway': obj<Message<'content/analyse-anyway'>>({
    type: type('content/analyse-anyway'),
  }),
  'content/mark-new': obj<Message<'content/mark-new'>>({
    type: type('content/mark-new'),
    paragraphIds: arr(id, MAX_PARAGRAPHS),
  }),
  'content/jump-to': obj<Message<'content/jump-to'>>({
    type: type('content/jump-to'),
    paragraphId: id,
  }),
  'content/find-policy-link': obj<Message<'content/find-policy-link'>>({
    type: type('content/find-policy-link'),
  }),
};

/** True when `raw` is a well-formed message of one of `allowed` types. */
export function isMessage<K extends MessageType>(
  raw: unknown,
  allowed: readonly K[],
): raw is Message<K> {
  if (!isPlainObject(raw) || !Object.prototype.hasOwnProperty.call(raw, 'type')) return false;
  const t = raw.type;
  if (!(allowed as readonly unknown[]).includes(t)) return false;
  const validator = MESSAGE_VALIDATORS[t as K] as Guard<Message<K>>;
  return check(validator, raw);
}

export function isContentMessage(raw: unknown): raw is ContentMessage {
  return isMessage(raw, CONTENT_MESSAGES);
}

const contentStatus = /* @__PURE__ */ literal<ContentStatus>([
  'idle',
  'analysing',
  'policy',
  'not-policy',
  'disabled',
]);

/**
 * Validators for responses that come back from a content script (which may be compromised).
 * Responses from the background to extension pages are trusted and not listed.
 */
export const RESPONSE_VALIDATORS = {
  'content/get-status': obj<ContentStatusReply>({
    status: contentStatus,
    detection: nullable(isDetectionSummary),
    url,
    timings: optional(isPageTimings),
  }),
  'content/analyse-anyway': obj<ResponseOf<'content/analyse-anyway'>>({ status: contentStatus }),
  'content/jump-to': obj<ResponseOf<'content/jump-to'>>({ found: bool }),
  'content/find-policy-link': obj<ResponseOf<'content/find-policy-link'>>({ url: nullable(url) }),
} satisfies { [K in (typeof CONTENT_MESSAGES)[number]]?: Guard<ResponseOf<K>> };

export function isContentResponse<K extends keyof typeof RESPONSE_VALIDATORS>(
  type: K,
  raw: unknown,
): raw is ResponseOf<K> {
  return check(RESPONSE_VALIDATORS[type] as Guard<ResponseOf<K>>, raw);
}

const classifyResponse = /* @__PURE__ */ obj<ClassifyResponse>({
  analyses: arr(isPageLabels, MAX_PARAGRAPHS),
});

/** The background's answer to `page/classify`: one analysis per paragraph sent, no more, no less. */
export function isClassifyResponse(raw: unknown, paragraphCount: number): raw is ClassifyResponse {
  return check(classifyResponse, raw) && raw.analyses.length === paragraphCount;
}

/** Reply of `content/get-status`, which comes from a content script and so is checked. */
export function isContentStatusReply(raw: unknown): raw is ContentStatusReply {
  return isContentResponse('content/get-status', raw);
}

function isPageTimings(v: unknown, b: Budget): v is PageTimings {
  const ms = optional(num(0, 1e7));
  return obj<PageTimings>({
    detectMs: num(0, 1e7),
    paragraphs: optional(num(0, 1e7, true)),
    segmentMs: ms,
    classifyMs: ms,
    highlightMs: ms,
    highlightBusyMs: ms,
    longestSliceMs: ms,
    totalMs: ms,
  })(v, b);
}

const quoteGuard = /* @__PURE__ */ obj<Quote>({ paragraphId: id, text: str(MAX_QUOTE_LENGTH) });
const tabState = /* @__PURE__ */ obj<TabState>({
  url,
  title,
  status: literal<TabStatus>([
    'analysing',
    'policy',
    'not-policy',
    'disabled',
    'paused',
    'unsupported',
  ]),
  forced: optional(bool),
  report: optional(isPolicyReport),
  detection: optional(isDetectionSummary),
  changes: optional(nullable(isPolicyDiff)),
  newParagraphIds: optional(arr(id, MAX_PARAGRAPHS)),
  quotes: arr(quoteGuard, MAX_PARAGRAPHS),
  english: optional(bool),
});

/**
 * Reply of `popup/get-state`. It comes from our own background, but the popup checks it anyway
 * so a stale stored state from an older version renders as "no state" instead of crashing.
 */
export function isTabStateReply(raw: unknown): raw is TabStateReply {
  return check(obj<TabStateReply>({ state: nullable(tabState) }), raw);
}
export { MAX_PARAGRAPHS, MAX_PARAGRAPH_TEXT } from './schemas';
