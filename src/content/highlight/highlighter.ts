/**
 * Puts an analysis on the page and takes it off again, exactly. Two kinds of highlight:
 * - paragraph categories: a `data-fp-cat` attribute on the block, painted as a margin bar by CSS
 *   only when `<html data-fp-show>` lists the category, so toggles need no DOM walk;
 * - sensitive-data phrases: `fp-mark` elements wrapped around the exact phrase by mark.js.
 * Every attribute and element added is recorded, and `clear()` removes precisely those.
 */
import Mark from 'mark.js';
import type { CategoryId, SensitiveId } from '../../core/taxonomy';
import { SENSITIVE_INFO } from '../../core/taxonomy';
import type { PageLabels } from '../../core/messages';
import type { Palette } from '../../core/settings';
import type { Segment } from '../segment';
import { revealCollapsed } from '../segment/collapsed';
import { forEachChunked, type ChunkStats } from '../schedule';
import { installStyles, MARK_TAG, PARA_TAG, removeStyles } from './styles';
import {
  locatePhrase,
  markableText,
  normaliseWithMap,
  rawOffset,
  type NormalisedText,
} from './text-map';

export interface AnalysedSegment {
  segment: Segment;
  analysis: PageLabels;
}

export interface View {
  categories: ReadonlySet<CategoryId>;
  sensitive: ReadonlySet<SensitiveId>;
  palette?: Palette;
}

const ELEMENT_ATTRS = ['data-fp-cat', 'data-fp-id', 'data-fp-new', 'data-fp-flash'] as const;
const ROOT_ATTRS = ['data-fp-show', 'data-fp-sensitive'] as const;
/** Never marked inside: our own UI and existing marks. */
const MARK_EXCLUDE = ['[data-fp-ui]', MARK_TAG];
const MARK_EXCLUDE_SELECTOR = MARK_EXCLUDE.join(', ');

/**
 * Ranges in order with every range that overlaps an earlier one dropped. Two phrases can be found
 * at overlapping places (the text of a block is searched, and the nearest occurrence wins), and
 * mark.js mis-wraps overlapping ranges instead of skipping them.
 */
function withoutOverlaps<T extends { start: number; length: number }>(ranges: T[]): T[] {
  const out: T[] = [];
  let end = -1;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < end) continue;
    out.push(range);
    end = range.start + range.length;
  }
  return out;
}

export class Highlighter {
  private readonly touched = new Set<Element>();
  private readonly markContexts = new Set<Element>();
  private addedTabIndex = new Set<Element>();
  private abort: AbortController | null = null;
  /** What the page itself had in the attributes we set (null: nothing), put back by clear(). */
  private readonly pageValues = new Map<Element, Map<string, string | null>>();
  /**
   * Per element whose stretches are paragraphs (`Segment.inline`): its text (our wrappers do not
   * change it) and where the next paragraph is looked for.
   */
  private readonly stretches = new Map<Element, { text: NormalisedText; next: number }>();
  /** The view last put on the page (setView), so an unchanged view costs nothing. */
  private view: View | null = null;
  private viewKey: string | null = null;

  /**
   * `afterOwnChanges` runs right after each synchronous run of our DOM writes, so that whoever
   * watches the page for news can drop the mutation records we caused.
   */
  constructor(
    private readonly doc: Document,
    private readonly afterOwnChanges: () => void = () => undefined,
  ) {}

  /** True while anything of ours is on the page. */
  get active(): boolean {
    return this.touched.size > 0 || this.markContexts.size > 0;
  }

  /**
   * Applies attributes and marks in chunks; resolves when these paragraphs are annotated. Called
   * again with the next part of a page, it adds to what is there.
   */
  async apply(
    items: readonly AnalysedSegment[],
    view: View,
    newIds: ReadonlySet<string>,
  ): Promise<ChunkStats> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.setView(view);
    return forEachChunked(
      items,
      (item) => {
        this.annotate(item, newIds);
        this.afterOwnChanges();
      },
      abort.signal,
    );
  }

  /** Shows exactly the given categories and sensitive types; everything else stays dormant. */
  setView(view: View): void {
    const key = `${[...view.categories].join(' ')}|${[...view.sensitive].join(' ')}|${view.palette}`;
    // Rewriting <html>'s attributes restyles the whole page; a part of the same page skips it.
    if (this.viewKey === key) return;
    this.viewKey = key;
    this.view = view;
    installStyles(this.doc, view.palette);
    const root = this.doc.documentElement;
    for (const attr of ROOT_ATTRS) this.rememberPageValue(root, attr);
    root.setAttribute('data-fp-show', [...view.categories].join(' ') || 'none');
    if (view.sensitive.size > 0)
      root.setAttribute('data-fp-sensitive', [...view.sensitive].join(' '));
    else root.removeAttribute('data-fp-sensitive');
    this.syncFocusability(view);
  }

  /** Removes every trace of Fineprint from the page. */
  clear(): void {
    this.abort?.abort();
    this.abort = null;
    this.view = null;
    this.viewKey = null;
    for (const context of this.markContexts) {
      new Mark(context as HTMLElement).unmark({ element: MARK_TAG });
    }
    // Paragraph wrappers last, once the marks inside them are gone. By hand rather than with
    // mark.js's unmark, which (by its DOM's node iterator) may not look inside a <b> it skips.
    for (const context of this.stretches.keys()) {
      for (const wrapper of context.querySelectorAll(PARA_TAG)) {
        const parent = wrapper.parentNode;
        if (!parent) continue;
        while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
        wrapper.remove();
        // Glue the text nodes the wrapping split back together.
        parent.normalize();
      }
    }
    this.markContexts.clear();
    this.stretches.clear();
    for (const el of this.touched) for (const attr of ELEMENT_ATTRS) el.removeAttribute(attr);
    this.touched.clear();
    for (const el of this.addedTabIndex) el.removeAttribute('tabindex');
    this.addedTabIndex = new Set();
    for (const attr of ROOT_ATTRS) this.doc.documentElement.removeAttribute(attr);
    // A page may use a look-alike attribute itself; it gets its own value back.
    for (const [el, values] of this.pageValues) {
      for (const [attr, value] of values) if (value !== null) el.setAttribute(attr, value);
    }
    this.pageValues.clear();
    removeStyles(this.doc);
    this.afterOwnChanges();
  }

  private rememberPageValue(el: Element, attr: string): void {
    let values = this.pageValues.get(el);
    if (!values) this.pageValues.set(el, (values = new Map()));
    if (!values.has(attr)) values.set(attr, el.getAttribute(attr));
  }

  /** Outlines the given paragraphs as new since the last visit (those already annotated). */
  markNew(ids: ReadonlySet<string>): void {
    for (const el of this.touched) {
      const id = el.getAttribute('data-fp-id');
      if (id === null || !ids.has(id)) continue;
      this.rememberPageValue(el, 'data-fp-new');
      el.setAttribute('data-fp-new', '');
    }
  }

  /** Scrolls to a paragraph and flashes it; returns false when it is not on the page. */
  jumpTo(paragraphId: string): boolean {
    const target = [...this.touched].find((el) => el.getAttribute('data-fp-id') === paragraphId);
    if (!target) return false;
    // A clause in a closed section: open it first, as the reader would.
    if (revealCollapsed(target)) {
      // Accordions that animate open grow after this call: aim again once they have.
      setTimeout(() => target.scrollIntoView({ block: 'center', behavior: 'smooth' }), 400);
    }
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    // Move keyboard focus too, so "jump to clause" works for keyboard and screen-reader users.
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
      this.addedTabIndex.add(target);
    }
    (target as HTMLElement).focus({ preventScroll: true });
    target.removeAttribute('data-fp-flash');
    // Re-adding the attribute on the next frame restarts the CSS animation.
    requestAnimationFrame(() => target.setAttribute('data-fp-flash', ''));
    setTimeout(() => target.removeAttribute('data-fp-flash'), 1800);
    return true;
  }

  private annotate({ segment, analysis }: AnalysedSegment, newIds: ReadonlySet<string>): void {
    if (!segment.element.isConnected || segment.isHeading) return;
    if (analysis.categories.length === 0 && analysis.spans.length === 0) return;
    // A stretch of a shared element gets wrappers of its own. One not found as such (its
    // element holds text the paragraph skipped) paints the whole element like a block does; a
    // definition term and its description are one paragraph, highlighted as one, term first.
    let blocks = segment.inline ? this.wrapStretch(segment) : [];
    if (blocks.length === 0) {
      blocks = segment.term?.isConnected ? [segment.term, segment.element] : [segment.element];
    }
    for (const el of blocks) {
      for (const attr of ELEMENT_ATTRS) this.rememberPageValue(el, attr);
      el.setAttribute('data-fp-id', segment.id);
      if (analysis.categories.length > 0)
        el.setAttribute('data-fp-cat', analysis.categories.join(' '));
      if (newIds.has(segment.id)) el.setAttribute('data-fp-new', '');
      this.touched.add(el);
    }
    if (analysis.spans.length > 0) this.markSpans(blocks, segment.text, analysis);
  }

  /**
   * Wraps a paragraph that is a stretch of its element's text (`<br><br>` splits, plain text) in
   * our own inline element, so that it can carry the paragraph's attributes like a block; the
   * stretches of one element come in order.
   */
  private wrapStretch(segment: Segment): Element[] {
    const el = segment.element;
    let stretch = this.stretches.get(el);
    if (!stretch) {
      stretch = { text: normaliseWithMap(markableText(el, [])), next: 0 };
      this.stretches.set(el, stretch);
    }
    const at = stretch.text.text.indexOf(segment.text, stretch.next);
    if (at < 0) return [];
    stretch.next = at + segment.text.length;
    const start = rawOffset(stretch.text, at);
    const end = rawOffset(stretch.text, stretch.next - 1) + 1;
    const wrappers: Element[] = [];
    this.markContexts.add(el);
    new Mark(el as HTMLElement).markRanges([{ start, length: end - start }], {
      element: PARA_TAG,
      exclude: [],
      each: (wrapper) => wrappers.push(wrapper),
    });
    return wrappers;
  }

  private markSpans(blocks: Element[], segmentText: string, analysis: PageLabels): void {
    // mark.js counts the text of several contexts as one string, in the order given.
    const elementText = normaliseWithMap(
      blocks.map((el) => markableText(el, MARK_EXCLUDE)).join(''),
    );
    const ranges: { start: number; length: number; type: SensitiveId }[] = [];
    for (const span of analysis.spans) {
      const found = locatePhrase(elementText, segmentText.slice(span.start, span.end), span.start);
      if (found) ranges.push({ ...found, type: span.type });
    }
    if (ranges.length === 0) return;
    for (const el of blocks) this.markContexts.add(el);
    new Mark(blocks as HTMLElement[]).markRanges(withoutOverlaps(ranges), {
      element: MARK_TAG,
      // mark.js tests every text node against `exclude`, which costs more than the wrapping;
      // most paragraphs hold nothing to exclude (one element can hold two segments, though).
      exclude: blocks.some((el) => el.querySelector(MARK_EXCLUDE_SELECTOR)) ? MARK_EXCLUDE : [],
      each: (mark, range) => {
        const type = (range as unknown as { type: SensitiveId }).type;
        mark.setAttribute('data-fp-type', type);
        mark.setAttribute('role', 'mark');
        mark.setAttribute(
          'aria-description',
          `Sensitive data: ${SENSITIVE_INFO[type].name}. ${SENSITIVE_INFO[type].why}`,
        );
        // Only visible marks are keyboard stops (syncFocusability keeps this true later).
        if (this.view?.sensitive.has(type)) mark.setAttribute('tabindex', '0');
      },
    });
  }

  /** Only visible marks are keyboard stops, so hidden types do not trap the Tab key. */
  private syncFocusability(view: View): void {
    for (const context of this.markContexts) {
      for (const mark of context.querySelectorAll(`${MARK_TAG}[data-fp-type]`)) {
        const visible = view.sensitive.has(mark.getAttribute('data-fp-type') as SensitiveId);
        if (visible) mark.setAttribute('tabindex', '0');
        else mark.removeAttribute('tabindex');
      }
    }
  }
}
