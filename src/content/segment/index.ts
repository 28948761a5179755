/** Paragraph segmentation of pages and plain text (issue 3). */
import { segmentPage } from './segment-page';
import { sameOriginFrameDocuments } from './frames';
import type { Segment, SegmentOptions } from './types';

export type { Segment, SegmentOptions } from './types';
export type { TextSegment } from './segment-text';
export { segmentPage } from './segment-page';
export { segmentText } from './segment-text';
export { sameOriginFrameDocuments } from './frames';
export { hashText } from './ids';
export { exclusion, isCookieBannerElement } from './chrome';

/**
 * Segments a page and its same-origin frames in one list, with ids unique across all of them and
 * the cap applied to the total. `onSegment` follows the top document's paragraphs only.
 */
export function segmentWithFrames(doc: Document, options: SegmentOptions = {}): Segment[] {
  const seenIds = options.seenIds ?? new Map<string, number>();
  const max = options.maxSegments ?? 5000;
  const out = segmentPage(doc, { ...options, seenIds, maxSegments: max });
  for (const frameDoc of sameOriginFrameDocuments(doc)) {
    if (out.length >= max) break;
    // onSegment sees the top document's list only: a frame's list starts from zero again.
    const rest = { ...options, seenIds, maxSegments: max - out.length, onSegment: undefined };
    out.push(...segmentPage(frameDoc, rest));
  }
  return out;
}
