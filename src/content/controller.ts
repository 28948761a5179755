/**
 * One page's life with Fineprint: detect → (if a policy) segment → classify in the background →
 * highlight, then follow settings changes, SPA navigations and popup requests. Every entry point
 * is guarded so nothing we do can throw into the page.
 */
import type { CategoryId, SensitiveId } from '../core/taxonomy';
import { CATEGORY_IDS, SENSITIVE_IDS } from '../core/taxonomy';
import type { Settings } from '../core/settings';
import { isSiteEnabled } from '../core/settings';
import type {
  ContentStatus,
  ContentStatusReply,
  DetectionSummary,
  PageLabels,
  PageTimings,
  ParagraphPayload,
} from '../core/messages';
import { detectPage } from './detect/page';
import { segmentPage, segmentWithFramesInSlices, type Segment } from './segment';
import { Highlighter, type AnalysedSegment, type View } from './highlight/highlighter';
import { Tooltip } from './tooltip';
import { findPolicyLink } from './policy-link';
import { PageWatcher } from './watch';
import type { ChunkStats } from './schedule';
import * as bridge from './bridge';
import { PartPlanner } from './parts';
import { MESSAGE_MAX_CHARS } from '../core/messages/guards';

/** Longest paragraph text sent for classification; the rest of a giant block adds nothing. */
const MAX_PARAGRAPH_CHARS = 4000;
/**
 * Characters the requests for one page may carry in total (texts, headings, ids). The background
 * drops a message over its budget without a reply, and a multi-megabyte policy should not be
 * sent whole anyway; its first paragraphs up to this budget are analysed, like the segment cap
 * does for counts.
 */
const MAX_REQUEST_CHARS = MESSAGE_MAX_CHARS / 2;

function requestChars(s: Segment): number {
  return (
    Math.min(s.text.length, MAX_PARAGRAPH_CHARS) +
    Math.min(s.heading?.length ?? 0, 300) +
    s.id.length
  );
}

function toPayload(s: Segment): ParagraphPayload {
  return {
    id: s.id,
    text: s.text.slice(0, MAX_PARAGRAPH_CHARS),
    heading: s.heading?.slice(0, 300),
    isHeading: s.isHeading,
  };
}

/** Some consecutive paragraphs of the page and the labels asked for them. */
interface Part {
  segments: Segment[];
  labels: Promise<PageLabels[]>;
}

export class PageController {
  private status: ContentStatus = 'idle';
  private detection: DetectionSummary | null = null;
  private settings: Settings | null = null;
  private forced = false;
  private analysed: AnalysedSegment[] = [];
  private readonly byId = new Map<string, PageLabels>();
  private newIds = new Set<string>();
  private readonly highlighters = new Map<Document, Highlighter>();
  private readonly tooltips = new Map<Document, Tooltip>();
  private readonly watcher: PageWatcher;
  private run = 0;
  private timings: PageTimings = { detectMs: 0 };
  /** This page load was summarised once: later analyses are rechecks (AnalyseRequest.recheck). */
  private summarised = false;
  /** The look at paragraphs the page added, in progress (analyseAdded). */
  private adding: Promise<void> = Promise.resolve();

  constructor(private readonly doc: Document) {
    this.watcher = new PageWatcher(doc, {
      onUrlChange: () => this.restart(),
      onSettled: () => this.recheck(),
      hasNewText: (added) => this.hasNewText(added),
      // One at a time: two looks at once would both annotate the same new paragraphs.
      onAdded: () => {
        this.adding = this.adding.then(() => this.analyseAdded()).catch(() => undefined);
      },
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
    // Parts are asked for while segmentation runs and the rest right after: the worker labels
    // paragraphs while the page segments, then part k + 1 while the page highlights part k.
    const parts: Part[] = [];
    const planner = new PartPlanner<Segment>(requestChars, MAX_REQUEST_CHARS, (segments) => {
      const labels = bridge.classify(segments.map(toPayload));
      // A part that fails is reported by the loop below (once); the others, and the parts of a
      // run given up while segmenting, must not go unhandled.
      labels.catch(() => undefined);
      parts.push({ segments, labels });
    });
    const segments = planner.finish(await this.collectSegments((found) => planner.found(found)));
    if (run !== this.run) return;
    const segmented = performance.now();
    this.analysed = [];
    this.byId.clear();
    this.newIds = new Set();
    const stats: ChunkStats = { busyMs: 0, longestSliceMs: 0 };
    let firstLabels: number | undefined;
    for (const [k, part] of parts.entries()) {
      const analyses = await part.labels;
      if (run !== this.run) return;
      firstLabels ??= performance.now();
      const items = part.segments.map((segment, i) => ({ segment, analysis: analyses[i]! }));
      for (const item of items) {
        this.analysed.push(item);
        this.byId.set(item.segment.id, item.analysis);
      }
      if (k === parts.length - 1) this.status = 'policy';
      const partStats = await this.highlight(items);
      if (run !== this.run) return;
      stats.busyMs += partStats.busyMs;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, partStats.longestSliceMs);
    }
    if (parts.length === 0) this.status = 'policy';
    const done = performance.now();
    // The summary is asked for once the page is annotated, so the worker building it does not
    // compete for the CPU with the highlighting (the popup has it a few milliseconds later).
    this.summarise(segments);
    this.watchAnnotated(segments);
    this.timings = {
      detectMs: this.timings.detectMs,
      paragraphs: segments.length,
      segmentMs: segmented - started,
      classifyMs: (firstLabels ?? done) - segmented,
      highlightMs: done - (firstLabels ?? done),
      highlightBusyMs: stats.busyMs,
      longestSliceMs: stats.longestSliceMs,
      totalMs: done - started,
    };
  }

  /**
   * The page's paragraphs; `progress` sees the list as it grows (a callback per paragraph). In
   * slices, so an enormous page is not frozen while it is read.
   */
  private collectSegments(progress: (found: readonly Segment[]) => void): Promise<Segment[]> {
    // Same-origin frames included, with ids unique across documents.
    return segmentWithFramesInSlices(this.doc, { onSegment: progress });
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
  private async render(): Promise<void> {
    const view = this.view();
    if (view.categories.size === 0 && view.sensitive.size === 0) {
      this.clearPage();
      return;
    }
    const pending: AnalysedSegment[] = [];
    for (const item of this.analysed) {
      const highlighter = this.highlighters.get(item.segment.element.ownerDocument);
      if (highlighter?.active) highlighter.setView(view);
      else pending.push(item);
    }
    await this.highlight(pending);
  }

  /** Annotates these paragraphs with the current view, each document with its own highlighter. */
  private async highlight(items: readonly AnalysedSegment[]): Promise<ChunkStats> {
    const stats: ChunkStats = { busyMs: 0, longestSliceMs: 0 };
    const view = this.view();
    if (view.categories.size === 0 && view.sensitive.size === 0) return stats;
    const byDoc = new Map<Document, AnalysedSegment[]>();
    for (const item of items) {
      const owner = item.segment.element.ownerDocument;
      const group = byDoc.get(owner);
      if (group) group.push(item);
      else byDoc.set(owner, [item]);
    }
    for (const [doc, group] of byDoc) {
      let highlighter = this.highlighters.get(doc);
      if (!highlighter) {
        highlighter = new Highlighter(doc, () => this.watcher.discardOwnChanges());
        this.highlighters.set(doc, highlighter);
      }
      if (!this.tooltips.has(doc)) this.tooltips.set(doc, new Tooltip(doc, this.tooltipSource()));
      const applied = await highlighter.apply(group, view, this.newIds);
      stats.busyMs += applied.busyMs;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, applied.longestSliceMs);
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
    this.summarised = false;
    this.status = 'idle';
    void bridge.reportCleared();
    void this.start();
  }

  /**
   * True when the page added a paragraph we have not analysed: a section rendered only once the
   * reader opened it. Re-rendered copies of analysed paragraphs are not news.
   */
  private hasNewText(added: readonly Element[]): boolean {
    if (this.status !== 'policy') return false;
    const known = new Set(this.analysed.map((item) => item.segment.text));
    return added.some((el) => segmentPage(el).some((s) => !s.isHeading && !known.has(s.text)));
  }

  /**
   * The page added paragraphs (a section rendered once opened): only those are classified and
   * highlighted, and the rest of the page is left as it is (no flicker, no lost focus). The popup
   * gets the whole page again as a recheck. A large addition is analysed from scratch instead.
   */
  private async analyseAdded(): Promise<void> {
    if (this.status !== 'policy') return;
    const run = this.run;
    const segments = await this.collectSegments(() => undefined);
    if (run !== this.run) return;
    const before = new Map(this.analysed.map((item) => [item.segment.id, item]));
    // New text, or a paragraph the page re-rendered into a new element, needs its highlight.
    const fresh = segments.filter((s) => before.get(s.id)?.segment.element !== s.element);
    if (fresh.length === 0) return;
    if (fresh.reduce((n, s) => n + requestChars(s), 0) > MAX_REQUEST_CHARS) {
      this.clearPage();
      await this.analyse();
      return;
    }
    const labels = await bridge.classify(fresh.map(toPayload));
    if (run !== this.run) return;
    const added = fresh.map((segment, i) => ({ segment, analysis: labels[i]! }));
    const byId = new Map(added.map((item) => [item.segment.id, item]));
    this.analysed = segments.map((s) => (byId.get(s.id) ?? before.get(s.id)) as AnalysedSegment);
    for (const item of added) this.byId.set(item.segment.id, item.analysis);
    await this.highlight(added);
    if (run !== this.run) return;
    this.summarise(segments);
    this.watchAnnotated(segments);
  }

  /** The whole page for the popup, the badge and change tracking (only the first is recorded). */
  private summarise(segments: Segment[]): void {
    void bridge
      .summarise({
        url: this.doc.location.href,
        title: this.doc.title.slice(0, 500),
        forced: this.forced,
        detection: this.detection ?? { isPolicy: false, score: 0, reasons: [] },
        paragraphs: segments.map(toPayload),
        recheck: this.summarised,
      })
      .catch(() => undefined);
    this.summarised = true;
  }

  /** Watch only after highlighting, so our own thousands of DOM edits queue no mutation records. */
  private watchAnnotated(segments: Segment[]): void {
    this.watcher.watchAnnotated(
      segments.flatMap((s) => (s.term ? [s.term, s.element] : [s.element])),
    );
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
