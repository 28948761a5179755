/**
 * Splits the visible page into paragraphs the way a reader sees them. One depth-first pass over
 * the DOM: each block element owns the inline text directly inside it (text nodes and inline
 * elements), so `p`, `li`, `td`, `dd`, headings and "divs used as paragraphs" all come out the
 * same way; a nested block ends the current run of text and starts its own. `<br><br>` also ends
 * a run. A data table row is one paragraph (`tableRow`): an SDK list's "Umeng | analytics |
 * IMEI, OAID" says together what no cell says alone; so is a definition term with its
 * description (`startsDefinitionPair`). Chrome (navigation, banners, footers, cookie
 * banners, our own UI), scripts, form controls, editable regions and hidden text are skipped,
 * except collapsed sections the reader can open (./collapsed.ts). The pass only reads the DOM.
 */
import { countWordsUpTo, normalizeSpace } from '../../core/detect/words';
import { exclusion } from './chrome';
import { collapsedChecker, collapsedRoots } from './collapsed';
import {
  headingLevel,
  isBlock,
  isPseudoHeading,
  MAX_PSEUDO_HEADING_WORDS,
  PSEUDO_HEADING_LEVEL,
} from './blocks';
import { stableId } from './ids';
import { BLANK_LINE } from './plain-text';
import { segmentPlainText } from './segment-text';
import type { Segment, SegmentOptions } from './types';
import { visibilityChecker } from './visibility';

const DEFAULT_MAX_SEGMENTS = 5000;
const DEFAULT_MIN_WORDS = 3;
/** A landmark holding more than this share of the page's text is the content, not chrome. */
const MAIN_TEXT_SHARE = 0.5;
/**
 * A short block whose text is mostly link text is a menu or a list of links ("Help center Track
 * your order Returns"), not a paragraph: chrome that pages build without nav elements.
 */
const LINK_SHARE = 0.75;
const LINK_LIST_MAX_WORDS = 12;
/** A table row with more text than this is layout, not a row of data: its cells stay apart. */
export const MAX_TABLE_ROW_CHARS = 3000;
const LAYOUT_IN_CELL = 'h1, h2, h3, h4, h5, h6, [role="heading"], table';

/**
 * How a `tr` is read: `data` (two or more cells of data, one paragraph), `header` (only `th`
 * cells: column names, not a clause) or `cells` (layout tables, a lone cell, very long rows:
 * each cell is its own block as before).
 */
export function tableRow(tr: Element): 'data' | 'header' | 'cells' {
  const cells = tr.children;
  if (cells.length < 2) return 'cells';
  let onlyHeaders = true;
  for (const cell of cells) {
    const tag = cell.localName;
    if (tag !== 'td' && tag !== 'th') return 'cells';
    if (tag === 'td') onlyHeaders = false;
  }
  if ((tr.textContent?.length ?? 0) > MAX_TABLE_ROW_CHARS || tr.querySelector(LAYOUT_IN_CELL)) {
    return 'cells';
  }
  return onlyHeaders ? 'header' : 'data';
}

function holdsBlock(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlock(c)) return true;
  return false;
}

/**
 * True when a `dt` is read together with the `dd` right after it, as one paragraph: the term is
 * the subject of its description ("Precise location" · "used to show stores near you"; "Where is
 * my data stored?" · "In the United States…"), and neither says much alone. Only when both hold
 * inline content; a term with several descriptions joins the first.
 */
export function startsDefinitionPair(dt: Element): boolean {
  const dd = dt.nextElementSibling;
  return dd !== null && dd.localName === 'dd' && !holdsBlock(dt) && !holdsBlock(dd);
}

interface OpenHeading {
  level: number;
  text: string;
}

/** Nodes visited between two looks at the clock (a look costs more than a node). */
const CLOCK_EVERY = 128;

/** Runs a pausable pass to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Segments `root` in one synchronous pass. */
export function segmentPage(root: Document | Element, options: SegmentOptions = {}): Segment[] {
  return runToEnd(segmentSteps(root, options, () => false));
}

/**
 * The same pass as a generator that pauses (yields) whenever `pause()` says so, checked every
 * CLOCK_EVERY nodes: the caller can give the page its main thread back between slices of an
 * enormous page. The walk keeps its own stack, so no DOM depth can overflow the call stack.
 */
export function* segmentSteps(
  root: Document | Element,
  options: SegmentOptions,
  pause: () => boolean,
): Generator<void, Segment[], void> {
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const start = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  if (!start) return [];
  const maxSegments = options.maxSegments ?? DEFAULT_MAX_SEGMENTS;
  const minWords = options.minWords ?? DEFAULT_MIN_WORDS;
  const prefix = options.idPrefix ?? 'fp-';
  const seen = options.seenIds ?? new Map<string, number>();
  const visible = visibilityChecker(doc);
  // Closed sections the reader opens with a click are read like the rest of the policy.
  const collapsed = collapsedRoots(root, visible);
  const inCollapsed = collapsedChecker(collapsed);
  // Shown, or in a closed section the reader can open.
  const readable = (el: Element): boolean => visible(el) || inCollapsed(el);
  const hasMain = doc.querySelector('main, [role="main"], article') !== null;
  let pageTextLength = -1;

  const out: Segment[] = [];
  const headings: OpenHeading[] = [];
  let run: string[] = [];
  let runNodes: Text[] = [];
  let runChars = 0;
  let runLinkChars = 0;
  let linkDepth = 0;
  // True right after a <br> with nothing but whitespace since: a second <br> ends the paragraph.
  let afterBr = false;
  // Inside a data table row: its cells and their blocks flow into the row's one paragraph.
  let inRow = false;
  // A definition term that has just closed, its text waiting in `run` for the `dd` after it;
  // then the term of the paragraph in `run`.
  let pendingTerm: Element | null = null;
  let runTerm: Element | null = null;

  function holdsMainText(el: Element): boolean {
    if (el.querySelector('main, [role="main"], article')) return true;
    if (hasMain) return false;
    if (pageTextLength < 0) pageTextLength = (start as Element).textContent?.length ?? 0;
    return (el.textContent?.length ?? 0) > pageTextLength * MAIN_TEXT_SHARE;
  }

  function skipped(el: Element): boolean {
    const why = exclusion(el, collapsed.has(el));
    if (why !== 'landmark') return why === 'skip';
    const tag = el.localName;
    // A site header is kept when it carries the page's h1 (its nav is still skipped inside).
    if ((tag === 'header' || el.getAttribute('role') === 'banner') && el.querySelector('h1')) {
      return false;
    }
    return !holdsMainText(el);
  }

  function emit(owner: Element): void {
    const text = normalizeSpace(run.join(''));
    const textNodes = runNodes;
    const linkShare = runChars > 0 ? runLinkChars / runChars : 0;
    run = [];
    runNodes = [];
    runChars = 0;
    runLinkChars = 0;
    afterBr = false;
    const term = runTerm;
    pendingTerm = runTerm = null;
    if (text === '' || out.length >= maxSegments) return;
    // Only small counts matter: the minimum for paragraphs, the maximum for bold pseudo-headings.
    const words = countWordsUpTo(text, Math.max(minWords, MAX_PSEUDO_HEADING_WORDS + 1));
    let level = headingLevel(owner);
    if (level === null && isPseudoHeading(owner, text, words)) level = PSEUDO_HEADING_LEVEL;
    if (level === null && words < minWords) return;
    if (level === null && linkShare >= LINK_SHARE && words <= LINK_LIST_MAX_WORDS) return;
    if (!readable(owner)) return;
    let heading: string | undefined;
    if (level !== null) {
      while (headings.length > 0 && (headings[headings.length - 1] as OpenHeading).level >= level) {
        headings.pop();
      }
      heading = headings[headings.length - 1]?.text;
      headings.push({ level, text });
    } else {
      heading = headings[headings.length - 1]?.text;
    }
    const segment: Segment = {
      id: stableId(text, seen, prefix),
      text,
      isHeading: level !== null,
      element: owner,
      tag: owner.localName,
      textNodes,
    };
    if (heading !== undefined) segment.heading = heading;
    if (term && level === null) segment.term = term;
    out.push(segment);
    options.onSegment?.(out);
  }

  /**
   * A `<pre>` holding at least two paragraphs separated by blank lines, read as stretches of it
   * (segment-text.ts), under the heading it sits under; false leaves it to the ordinary walk.
   */
  function readPreformatted(pre: Element): boolean {
    if (holdsBlock(pre)) return false;
    const blocks = (pre.textContent ?? '').split(BLANK_LINE);
    if (blocks.filter((b) => countWordsUpTo(b, minWords) >= minWords).length < 2) return false;
    if (!readable(pre)) return false;
    const page = headings[headings.length - 1]?.text;
    const found = segmentPlainText(pre, {
      minWords,
      idPrefix: prefix,
      seenIds: seen,
      maxSegments: maxSegments - out.length,
    });
    for (const segment of found) {
      if (!segment.isHeading && segment.heading === undefined && page !== undefined) {
        segment.heading = page;
      }
      out.push(segment);
      options.onSegment?.(out);
    }
    return true;
  }

  /** An element whose children are being read, and what closing it does once they are. */
  interface Frame {
    owner: Element;
    next: ChildNode | null;
    /** A block inside a table row: a space after it, as before it. */
    spaced: boolean;
    /** The data row itself: its cells end here. */
    endsRow: boolean;
    /** A block of its own: its text so far is a paragraph. */
    emits: boolean;
    /** A definition term whose text goes on into the `dd` after it instead of being emitted. */
    term: boolean;
    isLink: boolean;
  }
  const frame = (owner: Element, el: Element, flags: Omit<Frame, 'owner' | 'next'>): Frame => ({
    owner,
    next: el.firstChild,
    ...flags,
  });
  const stack: Frame[] = [
    frame(start, start, {
      spaced: false,
      endsRow: false,
      emits: false,
      term: false,
      isLink: false,
    }),
  ];
  let visited = 0;
  while (stack.length > 0 && out.length < maxSegments) {
    const top = stack[stack.length - 1] as Frame;
    const child = top.next;
    if (!child) {
      stack.pop();
      if (top.spaced) run.push(' ');
      if (top.endsRow) inRow = false;
      // A hidden term goes to emit(), which drops it.
      if (top.term && readable(top.owner)) {
        run.push(' ');
        pendingTerm = top.owner;
      } else if (top.emits) emit(top.owner);
      if (top.isLink) linkDepth--;
      continue;
    }
    top.next = child.nextSibling;
    if (++visited % CLOCK_EVERY === 0 && pause()) yield;
    const owner = top.owner;
    if (child.nodeType === 3) {
      const data = (child as Text).data;
      run.push(data);
      runNodes.push(child as Text);
      runChars += data.length;
      if (linkDepth > 0) runLinkChars += data.length;
      if (afterBr && /\S/.test(data)) afterBr = false;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (el.localName === 'br') {
      if (afterBr && !inRow) emit(owner);
      else run.push('\n');
      afterBr = true;
      continue;
    }
    if (skipped(el)) continue;
    const isLink = el.localName === 'a';
    const block = isBlock(el);
    const row = block && !inRow && el.localName === 'tr' ? tableRow(el) : 'cells';
    if (inRow || !block) {
      // Cells and the blocks inside them are words apart, never glued ("SDKUmeng").
      if (block) run.push(' ');
      stack.push(
        frame(owner, el, { spaced: block, endsRow: false, emits: false, term: false, isLink }),
      );
    } else {
      // The description goes on from its term's text; any other block ends the text before it.
      if (pendingTerm && el.localName === 'dd') [runTerm, pendingTerm] = [pendingTerm, null];
      else emit(owner);
      // A row of column names is not a clause: nothing inside it is read.
      if (row === 'header') continue;
      if (row === 'data') inRow = true;
      // A policy pasted as preformatted text is read like a plain-text document.
      if (el.localName === 'pre' && readPreformatted(el)) continue;
      const term = el.localName === 'dt' && startsDefinitionPair(el);
      stack.push(
        frame(el, el, { spaced: false, endsRow: row === 'data', emits: true, term, isLink }),
      );
    }
    if (isLink) linkDepth++;
  }
  emit(start);
  markShared(out);
  return out;
}

/**
 * Paragraphs that share their element with another one (text split by `<br><br>`, a list item's
 * text before and after its nested list) are stretches of it: each is highlighted on its own
 * (`Segment.inline`) instead of all of them painting the one element.
 */
function markShared(segments: Segment[]): void {
  const owners = new Map<Element, number>();
  for (const s of segments) {
    if (!s.isHeading) owners.set(s.element, (owners.get(s.element) ?? 0) + 1);
  }
  for (const s of segments) {
    if (!s.isHeading && !s.term && (owners.get(s.element) ?? 0) > 1) s.inline = true;
  }
}
