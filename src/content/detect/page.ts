/**
 * The verdict both content scripts use: is this page, or a same-origin frame it shows, a privacy
 * policy? Only this small summary crosses to the background and the popup.
 */
import type { DetectionSummary } from '../../core/messages';
import { sameOriginFrameDocuments } from '../segment/frames';
import { detectPolicy } from './index';

export function detectPage(doc: Document): DetectionSummary {
  let result = detectPolicy(doc);
  if (!result.isPolicy) {
    for (const frameDoc of sameOriginFrameDocuments(doc)) {
      const inFrame = detectPolicy(frameDoc);
      if (inFrame.isPolicy) {
        result = inFrame;
        break;
      }
    }
  }
  return {
    isPolicy: result.isPolicy,
    score: Math.min(1, Math.max(0, result.score)),
    reasons: result.reasons.slice(0, 20).map((r) => r.slice(0, 200)),
  };
}
