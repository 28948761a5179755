/**
 * Reads the few things detection needs from the DOM, with bounded cost on any page: the title,
 * up to 40 h1–h3 headings, and the first ~3000 characters of the main text, skipping scripts,
 * navigation, footers and cookie banners.
 *
 * Cost notes (measured in Chromium, see scripts/bench/30-detection.ts): a TreeWalker with a
 * JavaScript filter calls back into JS for every node and is ~50x slower than one without, and a
 * full-document querySelectorAll costs about a millisecond on a 2 MB page. So the walker shows
 * text nodes only, natively; each text node's ancestors are checked once (memoised), and an
 * excluded subtree is jumped over as a whole. Past the sample, a bounded number of further text
 * nodes is only measured, for the word estimate. It never reads `innerText`
 * (which forces layout) and computes styles only for an element named like a cookie banner.
 */
import type { PageSignals } from '../../core/detect';
import { countWords, normalizeSpace } from '../../core/detect/words';
import { exclusion } from '../segment/chrome';
import { headingLines, plainTextBlock } from '../segment/plain-text';

export const SAMPLE_CHARS = 3000;
const MAX_HEADINGS = 40;
const MAX_HEADING_CHARS = 200;
/** How much of a plain-text document is read for heading lines. */
const PLAIN_HEADING_CHARS = 20_000;
/** Below this much text in `main`, the sample is taken from the whole body instead. */
const MIN_MAIN_CHARS = 600;
/** Text nodes measured past the sample, for the word estimate. */
const EXTRA_TEXT_NODES = 200;
/** Bound on text nodes visited for the sample, whitespace-only ones included. */
const MAX_SAMPLE_NODES = 4000;

const SHOW_TEXT = 0x4;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3']);
const NON_SPACE = /\S/;
const CHROME_SELECTOR = 'nav, footer, [role="navigation"], [role="contentinfo"]';

interface Walk {
  text: string;
  /** Characters of text in the bounded window after the sample. */
  restChars: number;
  headings: Element[];
}

/** The heading element a text node belongs to (its parent or grandparent), if any. */
function headingOf(node: Node): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  if (HEADING_TAGS.has(parent.localName)) return parent;
  const grand = parent.parentElement;
  return grand && HEADING_TAGS.has(grand.localName) ? grand : null;
}

function lastDescendant(node: Node): Node {
  let last = node;
  while (last.lastChild) last = last.lastChild;
  return last;
}

function walkText(doc: Document, root: Element): Walk {
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  // For each element seen: the outermost excluded ancestor at or above it (below root), or null.
  const excludedBy = new Map<Element, Element | null>();
  excludedBy.set(root, null);
  const excludedAncestor = (start: Element): Element | null => {
    const chain: Element[] = [];
    let el: Element | null = start;
    let found: Element | null = null;
    while (el && !excludedBy.has(el)) {
      chain.push(el);
      el = el.parentElement;
    }
    if (el) found = excludedBy.get(el) ?? null;
    for (let i = chain.length - 1; i >= 0; i--) {
      const item = chain[i] as Element;
      if (found === null && exclusion(item) !== null) found = item;
      excludedBy.set(item, found);
    }
    return found;
  };

  const parts: string[] = [];
  const headings: Element[] = [];
  let length = 0;
  let node = walker.nextNode();
  for (let visited = 0; node && length < SAMPLE_CHARS && visited < MAX_SAMPLE_NODES; visited++) {
    const data = (node as Text).data;
    const parent = node.parentElement;
    if (parent && NON_SPACE.test(data)) {
      const excluded = excludedAncestor(parent);
      if (excluded) {
        walker.currentNode = lastDescendant(excluded);
        node = walker.nextNode();
        continue;
      }
      const heading = headingOf(node);
      if (heading && headings[headings.length - 1] !== heading) headings.push(heading);
      parts.push(data.length > SAMPLE_CHARS ? data.slice(0, SAMPLE_CHARS) : data);
      length += data.length + 1;
    }
    node = walker.nextNode();
  }

  let restChars = 0;
  for (let n = 0; node && n < EXTRA_TEXT_NODES; n++, node = walker.nextNode()) {
    restChars += (node as Text).data.length;
  }
  return { text: normalizeSpace(parts.join(' ')), restChars, headings };
}

/**
 * Headings outside navigation and footers: the page's h1 elements (usually one, near the top),
 * or with `allHeadings` every h1–h3 (one full-document query, about a millisecond on a 2 MB page,
 * so only done when the quick look was not conclusive).
 */
function pageHeadings(doc: Document, allHeadings: boolean): Element[] {
  const found: Element[] = [];
  const list = allHeadings ? doc.querySelectorAll('h1, h2, h3') : doc.getElementsByTagName('h1');
  const cap = allHeadings ? MAX_HEADINGS : 3;
  for (let i = 0; i < list.length && found.length < cap; i++) {
    const h = list[i] as Element;
    if (!h.closest(CHROME_SELECTOR)) found.push(h);
  }
  return found;
}

function mainElement(doc: Document): Element | null {
  return doc.querySelector('main, [role="main"]') ?? doc.querySelector('article');
}

export interface CollectOptions {
  /**
   * Read every h1–h3 of the page instead of the h1s and the headings within the text sample.
   * Costs one full-document query; detectPolicy asks for it only when the quick look is unsure.
   */
  allHeadings?: boolean;
}

export function collectSignals(doc: Document, options: CollectOptions = {}): PageSignals {
  const body = doc.body ?? doc.documentElement;
  const main = mainElement(doc);
  let walk: Walk = { text: '', restChars: 0, headings: [] };
  if (main) walk = walkText(doc, main);
  if (body && (!main || walk.text.length < MIN_MAIN_CHARS)) walk = walkText(doc, body);

  const headingElements = pageHeadings(doc, options.allHeadings === true);
  if (!options.allHeadings) {
    for (const h of walk.headings) if (!headingElements.includes(h)) headingElements.push(h);
  }
  const headings: string[] = [];
  for (const el of headingElements.slice(0, MAX_HEADINGS)) {
    const text = normalizeSpace((el.textContent ?? '').slice(0, MAX_HEADING_CHARS));
    if (text !== '') headings.push(text);
  }

  let title =
    normalizeSpace(doc.title ?? '') ||
    (doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '');
  // A plain-text policy has no title or heading elements: its short lines are its headings.
  const plain = plainTextBlock(doc);
  if (plain) {
    const text = (plain.textContent ?? '').slice(0, PLAIN_HEADING_CHARS);
    headings.push(...headingLines(text, MAX_HEADINGS - headings.length));
    title ||= headings[0] ?? '';
  }

  const sampleWords = countWords(walk.text);
  const charsPerWord = walk.text.length / Math.max(1, sampleWords);
  return {
    url: doc.location?.href ?? doc.URL,
    title,
    headings,
    textSample: walk.text,
    wordCount: sampleWords + Math.round(walk.restChars / Math.max(1, charsPerWord)),
  };
}
