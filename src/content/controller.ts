/**
 * One page's life with Fineprint: detect → (if a policy) segment → classify in the background →
 * highlight, then follow settings changes, SPA navigations and popup requests. Every entry point
 * is guarded so nothing we do can throw into the page.
 */
import type { CategoryId, SensitiveId } from '../core/taxonomy';
import { CATEGORY_IDS, SENSITIVE_IDS } from '../core/taxonomy';
import type { ParagraphAnalysis } from '../core/types';
import type { Settings } from '../core/settings';
import { isSiteEnabled } from '../core/settings';
import type {
  ContentStatus,
  ContentStatusReply,
  DetectionSummary,
  PageTimings,
} from '../core/messages';
import { detectPage } from './detect/page';
import { segmentWithFrames, type Segment } from './segment';
import { Highlighter, type AnalysedSegment, type View } from './highlight/highlighter';
import { Tooltip } from './tooltip';
import { findPolicyLink } from './policy-link';
import { PageWatcher } from './watch';
import type { ChunkStats } from './schedule';
import * as bridge from './bridge';
import { MESSAGE_MAX_CHARS } from '../core/messages/guards';

/** Longest paragraph text sent for classification; the rest of a giant block adds nothing. */
const MAX_PARAGRAPH_CHARS = 4000;
/**
 * Characters one analysis request may carry in total (texts, headings, ids). The background drops
 * a message over its budget without a reply, so a multi-megabyte policy would never be analysed;
 * instead its first paragraphs up to half the budget are, like the segment cap does for counts.
 */
const MAX_REQUEST_CHARS = MESSAGE_MAX_CHARS / 2;

function withinMessageBudget(segments: Segment[]): Segment[] {
  let chars = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    chars += Math.min(s.text.length, MAX_PARAGRAPH_CHARS) + Math.min(s.heading?.length ?? 0, 300);
    chars += s.id.length;
    if (chars > MAX_REQUEST_CHARS) return segments.slice(0, i);
  }
  return segments;
}

export class PageController {
  private status: ContentStatus = 'idle';
  private detection: DetectionSummary | null = null;
  private settings: Settings | null = null;
  private forced = false;
  private analysed: AnalysedSegment[] = [];
  private readonly byId = new Map<string, ParagraphAnalysis>();
  private newIds = new Set<string>();
  private readonly highlighters = new Map<Document, Highlighter>();
  private readonly tooltips = new Map<Document, Tooltip>();
  private readonly watcher: PageWatcher;
  private run = 0;
  private timings: PageTimings = { detectMs: 0 };

  constructor(private readonly doc: Document) {
    this.watcher = new PageWatcher(doc, {
      onUrlChange: () => this.restart(),
      onSettled: () => this.recheck(),
    });
  }

  /** Entry point at document_idle: cheap detection first; settings are read only for policies. */
  async start(): Promise<void> {
    const t0 = performance.now();
    this.detection = this.detect();
    this.timings = { detectMs: performance.now() - t0 };
    if (this.detection.isPolicy || this.forced) {
      await this.analyse();
    } else {
      this.status = 'not-policy';
      this.watcher.watchForLateContent();
    }
  }

  /** Starts from the detector's verdict (the annotator was injected because of it). */
  async startWith(detection: DetectionSummary, forced: boolean, detectMs: number): Promise<void> {
    this.detection = detection;
    this.forced = forced;
    this.timings = { detectMs };
    await this.analyse();
  }

  /** Popup or context menu asked to analyse this page even though detection said no. */
  async analyseAnyway(): Promise<ContentStatus> {
    this.forced = true;
    this.clearPage();
    await this.analyse();
    return this.status;
  }

  getStatus(): ContentStatusReply {
    return {
      status: this.status,
      detection: this.detection,
      url: this.doc.location.href,
      timings: { ...this.timings },
    };
  }

  jumpTo(paragraphId: string): boolean {
    for (const highlighter of this.highlighters.values()) {
      if (highlighter.jumpTo(paragraphId)) return true;
    }
    return false;
  }

  /**
   * The background found these paragraphs new since the last visit (after answering the
   * analysis). The set is shared with any highlighting still in progress, so paragraphs not yet
   * annotated pick it up too.
   */
  markNew(paragraphIds: readonly string[]): void {
    for (const id of paragraphIds) this.newIds.add(id);
    for (const highlighter of this.highlighters.values()) highlighter.markNew(this.newIds);
  }

  findPolicyLink(): string | null {
    return findPolicyLink(this.doc);
  }

  /** Settings changed in storage (popup toggles, options page, per-site switch). */
  async applySettings(settings: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    if (this.status === 'idle' || this.status === 'not-policy') return;
    if (!this.enabledHere()) {
      // The background saw the same settings change and marks the tab "off" itself.
      this.clearPage();
      this.status = 'disabled';
      return;
    }
    // A new sensitivity moves the classifier's thresholds: classify again.
    if (this.analysed.length === 0 || previous?.sensitivity !== settings.sensitivity) {
      this.clearPage();
      await this.analyse();
      return;
    }
    await this.render();
  }

  /** Removes everything and stops watching: the extension was updated or removed under us. */
  shutdown(): void {
    this.run++;
    this.watcher.stop();
    this.clearPage();
  }

  private detect(): DetectionSummary {
    return detectPage(this.doc);
  }

  private enabledHere(): boolean {
    return !this.settings || isSiteEnabled(this.settings, this.doc.location.hostname);
  }

  private async analyse(): Promise<void> {
    const run = ++this.run;
    this.settings ??= await bridge.loadSettings();
    if (run !== this.run) return;
    if (!this.enabledHere()) {
      this.status = 'disabled';
      return;
    }
    this.status = 'analysing';
    const started = performance.now();
    const segments = withinMessageBudget(this.collectSegments());
    const segmented = performance.now();
    const response = await bridge.analyse({
      url: this.doc.location.href,
      title: this.doc.title.slice(0, 500),
      forced: this.forced,
      detection: this.detection ?? { isPolicy: false, score: 0, reasons: [] },
      paragraphs: segments.map((s) => ({
        id: s.id,
        text: s.text.slice(0, MAX_PARAGRAPH_CHARS),
        heading: s.heading?.slice(0, 300),
        isHeading: s.isHeading,
      })),
    });
    if (run !== this.run) return;
    this.analysed = segments.map((segment, i) => ({ segment, analysis: response.analyses[i]! }));
    this.byId.clear();
    for (const item of this.analysed) this.byId.set(item.segment.id, item.analysis);
    this.newIds = new Set();
    this.status = 'policy';
    const classified = performance.now();
    const stats = await this.render();
    if (run !== this.run) return;
    // Watch only after highlighting, so our own thousands of DOM edits queue no mutation records.
    this.watcher.watchAnnotated(segments.map((s) => s.element));
    this.timings = {
      detectMs: this.timings.detectMs,
      paragraphs: segments.length,
      segmentMs: segmented - started,
      classifyMs: classified - segmented,
      highlightMs: performance.now() - classified,
      highlightBusyMs: stats.busyMs,
      longestSliceMs: stats.longestSliceMs,
      totalMs: performance.now() - started,
    };
  }

  private collectSegments(): Segment[] {
    // Same-origin frames included, with ids unique across documents.
    return segmentWithFrames(this.doc);
  }

  private view(): View {
    const s = this.settings;
    const categories = new Set<CategoryId>(
      s ? CATEGORY_IDS.filter((id) => s.enabledCategories[id]) : ['third-party-sharing'],
    );
    const sensitive = new Set<SensitiveId>(
      s && !s.showSensitive ? [] : SENSITIVE_IDS.filter((id) => !s || s.sensitiveTypes[id]),
    );
    return { categories, sensitive, palette: s?.palette ?? 'default' };
  }

  /** Puts the current view on the page, or takes everything off when nothing is visible. */
  private async render(): Promise<ChunkStats> {
    const stats: ChunkStats = { busyMs: 0, longestSliceMs: 0 };
    const view = this.view();
    const byDoc = new Map<Document, AnalysedSegment[]>();
    for (const item of this.analysed) {
      const owner = item.segment.element.ownerDocument;
      const items = byDoc.get(owner);
      if (items) items.push(item);
      else byDoc.set(owner, [item]);
    }
    if (view.categories.size === 0 && view.sensitive.size === 0) {
      this.clearPage();
      return stats;
    }
    for (const [doc, items] of byDoc) {
      let highlighter = this.highlighters.get(doc);
      if (!highlighter) {
        highlighter = new Highlighter(doc);
        this.highlighters.set(doc, highlighter);
      }
      if (!this.tooltips.has(doc)) this.tooltips.set(doc, new Tooltip(doc, this.tooltipSource()));
      if (highlighter.active) {
        highlighter.setView(view);
      } else {
        const applied = await highlighter.apply(items, view, this.newIds);
        stats.busyMs += applied.busyMs;
        stats.longestSliceMs = Math.max(stats.longestSliceMs, applied.longestSliceMs);
      }
    }
    return stats;
  }

  private tooltipSource() {
    return {
      analysisOf: (id: string) => this.byId.get(id),
      visibleCategories: () => this.view().categories as ReadonlySet<string>,
      isNew: (id: string) => this.newIds.has(id),
    };
  }

  private clearPage(): void {
    for (const tooltip of this.tooltips.values()) tooltip.destroy();
    this.tooltips.clear();
    for (const highlighter of this.highlighters.values()) highlighter.clear();
    this.highlighters.clear();
  }

  /** The SPA navigated: forget this page and start over. */
  private restart(): void {
    this.run++;
    this.clearPage();
    this.analysed = [];
    this.byId.clear();
    this.forced = false;
    this.status = 'idle';
    void bridge.reportCleared();
    void this.start();
  }

  /** Content arrived late or our paragraphs were replaced: detect or analyse again. */
  private recheck(): void {
    if (this.status === 'not-policy') {
      this.detection = this.detect();
      if (this.detection.isPolicy) void this.analyse();
    } else if (this.status === 'policy') {
      this.clearPage();
      void this.analyse();
    }
  }
}
