/**
 * Is this page a privacy policy? Cheap enough to run on every page at document_idle: signal
 * collection is bounded (see ./collect-signals.ts) and scoring is pure and linear in the sample.
 */
import { scorePolicyPage, type PageSignals, type PolicyScore } from '../../core/detect';
import { mayBePolicy } from '../../core/detect/prefilter';
import { sameOriginFrameDocuments } from '../segment/frames';
import { collectSignals } from './collect-signals';

export { collectSignals, type CollectOptions } from './collect-signals';

export interface DetectionResult extends PolicyScore {
  /** Main-thread time spent, in milliseconds. */
  elapsedMs: number;
}

/**
 * Scores between these bounds are unsure: detection then reads every h1–h3 of the page (one
 * full-document query) and scores again. Clear non-policies, most pages, never pay for it.
 */
export const UNSURE_SCORES = [0.05, 0.95] as const;

/** Detection plus the signals it used, for the popup's "why" view and for evaluation. */
export function detectPolicyVerbose(
  doc: Document,
): DetectionResult & { signals: PageSignals; deep: boolean } {
  const t0 = performance.now();
  // First the raw opening text (navigation included, no layout or ancestor checks): most pages
  // never mention privacy there and stop at this point.
  const glance = {
    url: doc.location.href,
    title: doc.title,
    headings: [],
    textSample: openingText(doc),
    wordCount: 0,
  };
  const ruledOut = (signals: PageSignals) => ({
    isPolicy: false,
    score: 0,
    reasons: ['never mentions privacy or personal data'],
    signals,
    deep: false,
    elapsedMs: performance.now() - t0,
  });
  if (!mayBePolicy(glance)) return ruledOut(glance);
  let signals = collectSignals(doc);
  if (!mayBePolicy(signals)) return ruledOut(signals);
  let result = scorePolicyPage(signals);
  const deep = result.score > UNSURE_SCORES[0] && result.score < UNSURE_SCORES[1];
  if (deep) {
    signals = collectSignals(doc, { allHeadings: true });
    result = scorePolicyPage(signals);
  }
  return { ...result, signals, deep, elapsedMs: performance.now() - t0 };
}

const OPENING_CHARS = 4000;

/** The first few thousand characters of text under <body>, whatever element holds them. */
function openingText(doc: Document): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const walker = doc.createTreeWalker(
    root,
    0x4 /* NodeFilter.SHOW_TEXT, a global not every DOM provides */,
  );
  let text = '';
  for (
    let node = walker.nextNode();
    node && text.length < OPENING_CHARS;
    node = walker.nextNode()
  ) {
    const parent = node.parentElement?.localName;
    if (parent !== 'script' && parent !== 'style') text += ' ' + (node as Text).data;
  }
  return text;
}

export function detectPolicy(doc: Document): DetectionResult {
  const { isPolicy, score, reasons, elapsedMs } = detectPolicyVerbose(doc);
  return { isPolicy, score, reasons, elapsedMs };
}

/**
 * The document holding the policy: the page itself, or else the first same-origin frame that
 * detection accepts (a policy shown in an iframe). Null when none is a policy.
 */
export function findPolicyDocument(
  doc: Document,
): { doc: Document; result: DetectionResult } | null {
  const top = detectPolicy(doc);
  if (top.isPolicy) return { doc, result: top };
  for (const frameDoc of sameOriginFrameDocuments(doc)) {
    const result = detectPolicy(frameDoc);
    if (result.isPolicy) return { doc: frameDoc, result };
  }
  return null;
}
