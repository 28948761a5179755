/**
 * Is this page a privacy policy? Cheap enough to run on every page at document_idle: signal
 * collection is bounded (see ./collect-signals.ts) and scoring is pure and linear in the sample.
 */
import { scorePolicyPage, type PageSignals, type PolicyScore } from '../../core/detect';
import { sameOriginFrameDocuments } from '../segment/frames';
import { collectSignals } from './collect-signals';

export { collectSignals } from './collect-signals';

export interface DetectionResult extends PolicyScore {
  /** Main-thread time spent, in milliseconds. */
  elapsedMs: number;
}

export function detectPolicy(doc: Document): DetectionResult {
  const t0 = performance.now();
  const result = scorePolicyPage(collectSignals(doc));
  return { ...result, elapsedMs: performance.now() - t0 };
}

/** Detection plus the signals it used, for the popup's "why" view and for evaluation. */
export function detectPolicyVerbose(doc: Document): DetectionResult & { signals: PageSignals } {
  const t0 = performance.now();
  const signals = collectSignals(doc);
  const result = scorePolicyPage(signals);
  return { ...result, signals, elapsedMs: performance.now() - t0 };
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
