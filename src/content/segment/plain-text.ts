/**
 * Plain-text documents, in the few lines detection needs on every page: whether the page is one,
 * and which of its lines are headings (segment-text.ts reads its paragraphs).
 */
import { countWords, normalizeSpace } from '../../core/detect/words';

export const MARKDOWN_HEADING = /^#{1,6}\s+/;
/** What separates two paragraphs of plain text: a blank (or whitespace-only) line. */
export const BLANK_LINE = /\r?\n[ \t]*\r?\n/;

/** A single short capitalised line without closing punctuation, or a Markdown "# heading". */
export function looksLikeHeading(block: string): boolean {
  if (MARKDOWN_HEADING.test(block)) return true;
  if (block.includes('\n')) return false;
  const text = block.trim();
  // Headings start with a capital, a digit ("2. Sharing") or a script without case.
  if (!/^[\p{Lu}\p{N}\p{Lo}]/u.test(text)) return false;
  return countWords(text) <= 10 && !/[.!?;,:。！？；，]$/.test(text);
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

/** The heading lines among the first blocks of a plain text (blocks separated by blank lines). */
export function headingLines(text: string, max: number): string[] {
  const out: string[] = [];
  for (const block of text.split(BLANK_LINE)) {
    if (out.length >= max) break;
    const line = block.trim();
    if (line !== '' && looksLikeHeading(line)) {
      out.push(normalizeSpace(line.replace(MARKDOWN_HEADING, '')));
    }
  }
  return out;
}
