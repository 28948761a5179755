/** Which elements start a new paragraph, and which of those are headings. */
import { normalizeSpace } from '../../core/detect/words';

/** Elements laid out as blocks by the browser's default style sheet. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * True when `el` starts its own paragraph. A custom element counts as a block when it has block
 * children, since such elements are usually styled as sections; otherwise it flows inline.
 */
export function isBlock(el: Element): boolean {
  const tag = el.localName;
  if (BLOCK_TAGS.has(tag)) return true;
  if (!tag.includes('-') || tag === 'fp-mark') return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (BLOCK_TAGS.has(c.localName)) return true;
  }
  return false;
}

const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
/** Level given to bold-only paragraphs used as headings: below every real heading. */
export const PSEUDO_HEADING_LEVEL = 7;
export const MAX_PSEUDO_HEADING_WORDS = 12;

/** Heading level 1–6 for h1–h6 and role="heading", else null. */
export function headingLevel(el: Element): number | null {
  const level = HEADING_LEVEL[el.localName];
  if (level !== undefined) return level;
  if (el.getAttribute('role') !== 'heading') return null;
  const aria = Number(el.getAttribute('aria-level'));
  return aria >= 1 && aria <= 9 ? Math.min(aria, 6) : 2;
}

/** Short bold lines up to this many words are headings; numbered ones up to the maximum. */
const SHORT_PSEUDO_HEADING_WORDS = 6;
const NUMBERED = /^(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.|§\s*\d+|section\s+\d+|article\s+\d+)\s/i;

/**
 * True for `<p><strong>3. Sharing your information</strong></p>` and the like: a block whose
 * only content is one bold element, without a sentence-ending full stop, and either numbered or
 * at most six words; and for a `<details>` section's short `<summary>`. Longer unnumbered bold
 * lines ("We do not sell your personal information") are usually emphasised clauses, which must
 * stay paragraphs so they are classified.
 */
export function isPseudoHeading(el: Element, text: string, words: number): boolean {
  if (words > MAX_PSEUDO_HEADING_WORDS || /[.!?;,]$/.test(text)) return false;
  const tag = el.localName;
  // The summary of a <details> section is its title ("Who we share it with").
  if (tag === 'summary') return true;
  if (words > SHORT_PSEUDO_HEADING_WORDS && !NUMBERED.test(text)) return false;
  if (tag !== 'p' && tag !== 'div' && tag !== 'dt') return false;
  const only = el.firstElementChild;
  if (!only || only !== el.lastElementChild) return false;
  if (only.localName !== 'strong' && only.localName !== 'b') return false;
  return normalizeSpace(only.textContent ?? '') === text;
}
