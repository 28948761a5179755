/**
 * Policy files → paragraphs in reading order, without dependencies (issue 6). HTML: a small
 * block splitter (block-level tags end a paragraph, h1–h6 are headings, a data table row is one
 * paragraph and a row of column names none, a definition term and its description one, a
 * `<pre>` split at blank lines, as in the content script's segmentPage); plain text:
 * blocks separated by blank lines, short unpunctuated single lines taken as headings.
 */
import type { ParagraphInput } from '../../src/core/types';
import { MAX_TABLE_ROW_CHARS } from '../../src/content/segment/segment-page';
import { BLANK_LINE } from '../../src/content/segment/plain-text';

const BLOCK_TAGS =
  'p|div|li|ul|ol|dl|dt|dd|td|th|tr|table|section|article|header|footer|nav|aside|main|blockquote|pre|br|hr|h[1-6]|form|fieldset|figcaption|caption|details|summary';
const DROP = /<(script|style|noscript|template|svg|head|iframe|object)\b[\s\S]*?<\/\1\s*>/gi;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  copy: '©',
  reg: '®',
  bull: '•',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X'
          ? parseInt(code.slice(2), 16)
          : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[code.toLowerCase()] ?? m;
  });
}

const clean = (s: string): string =>
  decodeEntities(s.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi;

/**
 * Data table rows become one paragraph ("Umeng | analytics | IMEI" read together); rows of only
 * `th` cells (column names) are dropped. Rows holding headings or tables, with fewer than two
 * cells or longer than segmentPage's limit, are left for the block splitter, cell by cell.
 */
function flattenTableRows(html: string): string {
  return html.replace(ROW, (row: string, inner: string) => {
    const cells = inner.match(/<t[dh]\b/gi) ?? [];
    if (cells.length < 2 || /<(?:table|h[1-6])\b/i.test(inner)) return row;
    if (!/<td\b/i.test(inner)) return ' ';
    const text = clean(inner);
    return text.length > MAX_TABLE_ROW_CHARS
      ? row
      : `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
  });
}

const PAIR = /<dt\b[^>]*>([\s\S]*?)<\/dt\s*>(\s*)<dd\b([^>]*)>([\s\S]*?)<\/dd\s*>/gi;
const HOLDS_BLOCK = new RegExp(`<(?:${BLOCK_TAGS})\\b`, 'i');

/** A `dt` and the `dd` after it, both without blocks inside, read as one paragraph. */
function joinDefinitionPairs(html: string): string {
  return html.replace(
    PAIR,
    (pair: string, term: string, gap: string, attrs: string, desc: string) =>
      HOLDS_BLOCK.test(term) || HOLDS_BLOCK.test(desc)
        ? pair
        : `<dd${attrs}>${term}${gap || ' '}${desc}</dd>`,
  );
}

const PRE = /<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi;

/** A `<pre>` holding paragraphs between blank lines (a policy pasted as text): one block each. */
function splitPreformatted(html: string): string {
  return html.replace(PRE, (pre: string, inner: string) => {
    const blocks = inner.replace(/<[^>]*>/g, '').split(BLANK_LINE);
    if (blocks.filter((b) => b.trim() !== '').length < 2) return pre;
    return blocks.map((b) => `<p>${b}</p>`).join('');
  });
}

export function htmlToParagraphs(html: string): ParagraphInput[] {
  const body = splitPreformatted(
    joinDefinitionPairs(flattenTableRows(html.replace(/<!--[\s\S]*?-->/g, ' ').replace(DROP, ' '))),
  );
  const out: ParagraphInput[] = [];
  // Split at every block tag (opening or closing); remember whether a chunk opened as h1–h6 or
  // as a <details> section's summary (a title when short, as in segmentPage).
  const parts = body.split(new RegExp(`(<\\/?(?:${BLOCK_TAGS})\\b[^>]*>)`, 'i'));
  let inHeading = false;
  let inSummary = false;
  for (const part of parts) {
    const tag = /^<(\/?)(\w+)/.exec(part);
    if (tag) {
      const name = (tag[2] ?? '').toLowerCase();
      if (/^h[1-6]$/.test(name)) inHeading = tag[1] !== '/';
      if (name === 'summary') inSummary = tag[1] !== '/';
      continue;
    }
    const text = clean(part);
    const heading = inHeading || (inSummary && looksLikeHeading(text));
    if (text) out.push(heading ? { text, isHeading: true } : { text });
  }
  return out;
}

/** A lone short line without final punctuation reads as a heading ("3. Data Retention"). */
function looksLikeHeading(block: string): boolean {
  if (/^#{1,6}\s/.test(block)) return true;
  return !block.includes('\n') && block.split(/\s+/).length <= 12 && !/[.;:,!?]$/.test(block);
}

export function textToParagraphs(text: string): ParagraphInput[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '')
    .map((b) => {
      const heading = looksLikeHeading(b);
      const clean = b.replace(/^#{1,6}\s+/, '').replace(/\s+/g, ' ');
      return heading ? { text: clean, isHeading: true } : { text: clean };
    });
}

export function policyToParagraphs(fileName: string, content: string): ParagraphInput[] {
  return /\.x?html?$/i.test(fileName) ? htmlToParagraphs(content) : textToParagraphs(content);
}
