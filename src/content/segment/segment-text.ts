/** Paragraphs of plain text (runs separated by blank lines), with the same ids as segmentPage. */
import { countWords, normalizeSpace } from '../../core/detect/words';
import { stableId } from './ids';
import type { Segment, SegmentOptions } from './types';

export type TextSegment = Omit<Segment, 'element' | 'tag'>;

const MARKDOWN_HEADING = /^#{1,6}\s+/;

/** A single short capitalised line without closing punctuation, or a Markdown "# heading". */
function looksLikeHeading(block: string): boolean {
  if (MARKDOWN_HEADING.test(block)) return true;
  if (block.includes('\n')) return false;
  const text = block.trim();
  // Headings start with a capital, a digit ("2. Sharing") or a script without case.
  if (!/^[\p{Lu}\p{N}\p{Lo}]/u.test(text)) return false;
  return countWords(text) <= 10 && !/[.!?;,:。！？；，]$/.test(text);
}

export function segmentText(
  text: string,
  options: { minWords?: number; idPrefix?: string; seenIds?: Map<string, number> } = {},
): TextSegment[] {
  const minWords = options.minWords ?? 3;
  const seen = options.seenIds ?? new Map<string, number>();
  const out: TextSegment[] = [];
  let heading: string | undefined;
  for (const block of text.split(/\r?\n[ \t]*\r?\n/)) {
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
 * The text block of a plain-text document (a `.txt` policy, which the browser shows as one
 * `<pre>`), or null for any other page.
 */
export function plainTextBlock(doc: Document): Element | null {
  if (doc.contentType !== 'text/plain') return null;
  const body = doc.body;
  const only = body?.firstElementChild;
  return only && only === body.lastElementChild && only.localName === 'pre' ? only : null;
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
    .map((s) => ({ ...s, element: pre, tag: 'pre', inline: true }));
}
