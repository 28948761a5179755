/**
 * The explanation bubble shown when a highlight is hovered or focused. It lives in a closed shadow
 * root under one `fineprint-tooltip` host, so page CSS cannot restyle it and page scripts cannot
 * read it; all page text enters it through textContent only.
 */
import { CATEGORY_INFO, isCategoryId, isSensitiveId, SENSITIVE_INFO } from '../core/taxonomy';
import type { PageLabels } from '../core/messages';
import { MARK_TAG } from './highlight/styles';

const TOOLTIP_CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important;
  pointer-events: none !important; }
.box { max-width: 320px; padding: 10px 12px; border-radius: 8px; font: 13px/1.4 system-ui, sans-serif;
  background: #1f2937; color: #f9fafb; box-shadow: 0 6px 24px rgba(0,0,0,.3); }
.title { font-weight: 600; margin: 0 0 4px; }
.row { margin: 4px 0 0; }
.conf { color: #cbd5e1; font-size: 12px; }
.new { color: #93c5fd; font-size: 12px; }
@media (prefers-color-scheme: light) {
  .box { background: #ffffff; color: #111827; border: 1px solid #d1d5db; }
  .conf { color: #4b5563; } .new { color: #1d4ed8; }
}`;

export interface TooltipSource {
  /** Analysis of the paragraph with this id, or undefined when it has none. */
  analysisOf(paragraphId: string): PageLabels | undefined;
  /** Which categories are currently shown (hidden ones are not explained). */
  visibleCategories(): ReadonlySet<string>;
  isNew(paragraphId: string): boolean;
}

export class Tooltip {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private anchor: Element | null = null;
  private readonly listeners = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly source: TooltipSource,
  ) {
    const opts = { capture: true, signal: this.listeners.signal, passive: true };
    doc.addEventListener('mouseover', (e) => this.onPointer(e.target), opts);
    doc.addEventListener('focusin', (e) => this.onPointer(e.target), opts);
    doc.addEventListener('focusout', () => this.hide(), opts);
    doc.addEventListener('scroll', () => this.hide(), opts);
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.anchor) this.hide();
      },
      opts,
    );
  }

  destroy(): void {
    this.listeners.abort();
    this.hide();
    this.host?.remove();
    this.host = null;
    this.shadow = null;
  }

  private onPointer(target: EventTarget | null): void {
    if (!(target instanceof Element)) return;
    const mark = target.closest(`${MARK_TAG}[data-fp-type]`);
    const paragraph = target.closest('[data-fp-id]');
    const anchor =
      mark && this.doc.documentElement.hasAttribute('data-fp-sensitive') ? mark : paragraph;
    if (anchor === this.anchor) return;
    if (!anchor || !paragraph) return this.hide();
    const lines = this.describe(paragraph.getAttribute('data-fp-id') ?? '', mark);
    if (lines.length === 0) return this.hide();
    this.show(anchor, lines);
  }

  private describe(
    paragraphId: string,
    mark: Element | null,
  ): { title: string; text: string; cls?: string }[] {
    const analysis = this.source.analysisOf(paragraphId);
    if (!analysis) return [];
    const out: { title: string; text: string; cls?: string }[] = [];
    const type = mark?.getAttribute('data-fp-type');
    if (isSensitiveId(type)) {
      out.push({
        title: `Sensitive data: ${SENSITIVE_INFO[type].name}`,
        text: SENSITIVE_INFO[type].why,
      });
    }
    const visible = this.source.visibleCategories();
    for (const id of analysis.categories) {
      if (!isCategoryId(id) || !visible.has(id)) continue;
      const confidence = Math.round((analysis.scores[id] ?? 0) * 100);
      out.push({
        title: CATEGORY_INFO[id].name,
        text: CATEGORY_INFO[id].why,
        cls: `${confidence}% confidence`,
      });
    }
    if (this.source.isNew(paragraphId))
      out.push({ title: '', text: '', cls: 'New since your last visit' });
    return out;
  }

  private show(anchor: Element, lines: { title: string; text: string; cls?: string }[]): void {
    this.anchor = anchor;
    const shadow = this.ensureHost();
    const box = this.doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'tooltip');
    for (const line of lines) {
      if (line.title) {
        const title = this.doc.createElement('p');
        title.className = 'title';
        title.textContent = line.title;
        box.append(title);
      }
      if (line.text) {
        const text = this.doc.createElement('p');
        text.className = 'row';
        text.textContent = line.text;
        box.append(text);
      }
      if (line.cls) {
        const extra = this.doc.createElement('p');
        extra.className = line.cls.startsWith('New') ? 'row new' : 'row conf';
        extra.textContent = line.cls;
        box.append(extra);
      }
    }
    shadow.replaceChildren(...[...shadow.children].filter((c) => c.localName === 'style'), box);
    this.position(anchor);
  }

  private position(anchor: Element): void {
    if (!this.host) return;
    const rect = anchor.getBoundingClientRect();
    const width = Math.min(320, this.doc.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(rect.left, this.doc.documentElement.clientWidth - width - 8));
    const below = rect.bottom + 8;
    const top = below + 120 < innerHeight ? below : Math.max(8, rect.top - 128);
    this.host.style.setProperty('left', `${left}px`, 'important');
    this.host.style.setProperty('top', `${top}px`, 'important');
  }

  private hide(): void {
    this.anchor = null;
    if (this.host) this.host.remove();
    this.host = null;
    this.shadow = null;
  }

  private ensureHost(): ShadowRoot {
    if (this.host && this.shadow && this.host.isConnected) return this.shadow;
    const host = this.doc.createElement('fineprint-tooltip');
    host.setAttribute('data-fp-ui', '');
    const shadow = host.attachShadow({ mode: 'closed' });
    try {
      // A constructed sheet is immune to the page's style-src CSP.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(TOOLTIP_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = TOOLTIP_CSS;
      shadow.append(style);
    }
    this.doc.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }
}
