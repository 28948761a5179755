/**
 * Follows pages that change after load: single-page apps that render the policy late or navigate
 * with history.pushState, pages that replace the paragraphs we annotated, and policies that add
 * text when the reader asks for it (accordions that render a section only once it is opened,
 * "show more"). The observer callback only notes added elements and sets a timer, so even a page
 * that mutates continuously pays almost nothing, and rechecks are throttled and capped.
 */
import { MARK_TAG, PARA_TAG } from './highlight/styles';

const SETTLE_MS = 500;
const LATE_CONTENT_WINDOW_MS = 20_000;
const MAX_RECHECKS = 12;
/** A reader opening sections one by one: each one is a recheck, so these have their own cap. */
const MAX_ADDITION_RECHECKS = 40;
/**
 * Looks at added text (each one segments what was added): a page that churns forever stops
 * being looked at.
 */
const MAX_ADDITION_LOOKS = 200;
/** Less added text than this is not looked at: not even one short paragraph. */
const MIN_ADDED_CHARS = 40;
/** Added elements remembered between two settles; past this the page is churning anyway. */
const MAX_PENDING = 200;

export interface WatchCallbacks {
  /** The URL (ignoring the fragment) changed without a page load. */
  onUrlChange(): void;
  /** The DOM changed in a way worth another look: late content, or annotated blocks replaced. */
  onSettled(): void;
  /**
   * Whether these elements the page added hold paragraphs that are not analysed yet (annotated
   * mode only; without it, added text is never news).
   */
  hasNewText?(added: readonly Element[]): boolean;
  /** The page added paragraphs not analysed yet (after hasNewText); default: onSettled. */
  onAdded?(): void;
}

function pageKey(loc: Location): string {
  return loc.href.replace(/#.*$/, '');
}

export class PageWatcher {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private url: string;
  private deadline = 0;
  private rechecks = 0;
  private additionRechecks = 0;
  private additionLooks = 0;
  private annotated: Element[] = [];
  /** Elements the page added since the last settle (annotated mode). */
  private added: Element[] = [];
  private mode: 'late-content' | 'annotated' | 'off' = 'off';

  constructor(
    private readonly doc: Document,
    private readonly callbacks: WatchCallbacks,
  ) {
    this.url = pageKey(doc.location);
  }

  /** For a page that is not (yet) a policy: look again as content arrives, for a while. */
  watchForLateContent(): void {
    this.mode = 'late-content';
    this.deadline = performance.now() + LATE_CONTENT_WINDOW_MS;
    this.rechecks = 0;
    this.observe();
  }

  /** For an annotated policy: notice when the page replaces most of what we marked. */
  watchAnnotated(elements: Element[]): void {
    this.mode = 'annotated';
    this.annotated = elements;
    // The recheck count is not reset here: each recheck ends in a new analysis and so a new call,
    // and a page that rewrites itself forever would be re-analysed forever. It restarts with a
    // new URL only.
    this.observe();
  }

  stop(): void {
    this.mode = 'off';
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.added = [];
  }

  /**
   * Forgets the mutations queued so far. Called right after a synchronous run of our own DOM
   * writes (highlights going in or coming off): no page script ran meanwhile, so every queued
   * record is ours and none is news about the page.
   */
  discardOwnChanges(): void {
    this.observer?.takeRecords();
  }

  private observe(): void {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      if (this.mode === 'annotated') this.noteAdded(records);
      this.schedule();
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
  }

  private noteAdded(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (this.added.length >= MAX_PENDING) return;
        // Our marks, tooltip and style sheet are not the page's news.
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.localName === MARK_TAG || el.localName === PARA_TAG) continue;
        if (el.closest('[data-fp-ui]')) continue;
        this.added.push(el);
      }
    }
  }

  /** The page added text we have not analysed yet (not just re-rendered what we had). */
  private addedNewText(): boolean {
    const added = this.added.filter((el) => el.isConnected);
    this.added = [];
    let chars = 0;
    for (const el of added) chars += el.textContent?.length ?? 0;
    if (chars < MIN_ADDED_CHARS || this.additionLooks >= MAX_ADDITION_LOOKS) return false;
    this.additionLooks++;
    return this.callbacks.hasNewText?.(added) ?? false;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.settle();
    }, SETTLE_MS);
  }

  private settle(): void {
    const url = pageKey(this.doc.location);
    if (url !== this.url) {
      this.url = url;
      this.rechecks = 0;
      this.additionRechecks = 0;
      this.additionLooks = 0;
      this.callbacks.onUrlChange();
      return;
    }
    if (this.mode === 'late-content') {
      if (this.rechecks >= MAX_RECHECKS) return;
      if (performance.now() > this.deadline) return;
      this.rechecks++;
      this.callbacks.onSettled();
    } else if (this.mode === 'annotated') {
      const gone = this.annotated.filter((el) => !el.isConnected).length;
      if (gone > 0 && gone >= this.annotated.length * 0.3 && this.rechecks < MAX_RECHECKS) {
        this.rechecks++;
        this.added = [];
        this.callbacks.onSettled();
      } else if (this.added.length > 0 && this.addedNewText()) {
        if (this.additionRechecks >= MAX_ADDITION_RECHECKS) return;
        this.additionRechecks++;
        if (this.callbacks.onAdded) this.callbacks.onAdded();
        else this.callbacks.onSettled();
      }
    }
  }
}
