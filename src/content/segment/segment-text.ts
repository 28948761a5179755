/** Paragraphs of plain text (runs separated by blank lines), with the same ids as segmentPage. */
import { countWords, normalizeSpace } from '../../core/detect/words';
import { stableId } from './ids';
import { BLANK_LINE, looksLikeHeading, MARKDOWN_HEADING } from './plain-text';
import type { Segment, SegmentOptions } from './types';

export type TextSegment = Omit<Segment, 'element' | 'tag'>;

export function segmentText(
  text: string,
  options: { minWords?: number; idPrefix?: string; seenIds?: Map<string, number> } = {},
): TextSegment[] {
  const minWords = options.minWords ?? 3;
  const seen = options.seenIds ?? new Map<string, number>();
  const out: TextSegment[] = [];
  let heading: string | undefined;
  for (const block of text.split(BLANK_LINE)) {
    const isHeading = looksLikeHeading(block.trim());
    const clean = normalizeSpace(isHeading ? block.trim().replace(MARKDOWN_HEADING, '') : block);
    if (clean === '' || (!isHeading && countWords(clean) < minWords)) continue;
    const segment: TextSegment = {
      id: stableId(clean, seen, options.idPrefix),
      text: clean,
      isHeading,
    };
    if (heading !== undefined && !isHeading) segment.heading = heading;
    out.push(segment);
    if (isHeading) heading = clean;
  }
  return out;
}

/**
 * A plain-text document's paragraphs (runs separated by blank lines, short lines as headings),
 * each a stretch of the one `<pre>` (`inline`), with ids from the shared `seenIds`.
 */
export function segmentPlainText(pre: Element, options: SegmentOptions): Segment[] {
  const found = segmentText(pre.textContent ?? '', {
    minWords: options.minWords,
    idPrefix: options.idPrefix,
    seenIds: options.seenIds,
  });
  return found
    .slice(0, options.maxSegments ?? found.length)
    .map((s) => ({ ...s, element: pre, tag: 'pre', ...(s.isHeading ? {} : { inline: true }) }));
}
