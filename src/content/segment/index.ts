/** Paragraph segmentation of pages and plain text (issue 3). */
import { runToEnd, segmentSteps } from './segment-page';
import { sameOriginFrameDocuments } from './frames';
import { runInSlices } from '../schedule';
import { plainTextBlock } from './plain-text';
import { segmentPlainText } from './segment-text';
import type { Segment, SegmentOptions } from './types';

export type { Segment, SegmentOptions } from './types';
export type { TextSegment } from './segment-text';
export { segmentPage, segmentSteps } from './segment-page';
export { segmentText } from './segment-text';
export { sameOriginFrameDocuments } from './frames';
export { hashText } from './ids';
export { exclusion, isCookieBannerElement } from './chrome';

/** The page and then each same-origin frame, as one pausable pass (see segmentSteps). */
function* pageAndFrames(
  doc: Document,
  options: SegmentOptions,
  pause: () => boolean,
): Generator<void, Segment[], void> {
  const seenIds = options.seenIds ?? new Map<string, number>();
  const max = options.maxSegments ?? 5000;
  const plain = plainTextBlock(doc);
  if (plain) return segmentPlainText(plain, { ...options, seenIds, maxSegments: max });
  const out = yield* segmentSteps(doc, { ...options, seenIds, maxSegments: max }, pause);
  for (const frameDoc of sameOriginFrameDocuments(doc)) {
    if (out.length >= max) break;
    // onSegment sees the top document's list only: a frame's list starts from zero again.
    const rest = { ...options, seenIds, maxSegments: max - out.length, onSegment: undefined };
    const framePlain = plainTextBlock(frameDoc);
    out.push(
      ...(framePlain
        ? segmentPlainText(framePlain, rest)
        : yield* segmentSteps(frameDoc, rest, pause)),
    );
  }
  return out;
}

/**
 * Segments a page and its same-origin frames in one list, with ids unique across all of them and
 * the cap applied to the total. `onSegment` follows the top document's paragraphs only.
 */
export function segmentWithFrames(doc: Document, options: SegmentOptions = {}): Segment[] {
  return runToEnd(pageAndFrames(doc, options, () => false));
}

/**
 * segmentWithFrames in slices (schedule.ts): a policy of ordinary length is segmented in one go
 * as before, an enormous page gives the main thread back every few milliseconds.
 */
export function segmentWithFramesInSlices(
  doc: Document,
  options: SegmentOptions = {},
): Promise<Segment[]> {
  return runInSlices((pause) => pageAndFrames(doc, options, pause));
}
