/**
 * Follows pages that change after load: single-page apps that render the policy late or navigate
 * with history.pushState, and pages that replace the paragraphs we annotated. The observer
 * callback only sets a timer, so even a page that mutates continuously pays almost nothing, and
 * rechecks are throttled and capped.
 */

const SETTLE_MS = 500;
const LATE_CONTENT_WINDOW_MS = 20_000;
const MAX_RECHECKS = 12;

export interface WatchCallbacks {
  /** The URL (ignoring the fragment) changed without a page load. */
  onUrlChange(): void;
  /** The DOM changed in a way worth another look: late content, or annotated blocks replaced. */
  onSettled(): void;
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
  private annotated: Element[] = [];
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
  }

  private observe(): void {
    if (this.observer) return;
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
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
      this.callbacks.onUrlChange();
      return;
    }
    if (this.rechecks >= MAX_RECHECKS) return;
    if (this.mode === 'late-content') {
      if (performance.now() > this.deadline) return;
      this.rechecks++;
      this.callbacks.onSettled();
    } else if (this.mode === 'annotated') {
      const gone = this.annotated.filter((el) => !el.isConnected).length;
      if (gone > 0 && gone >= this.annotated.length * 0.3) {
        this.rechecks++;
        this.callbacks.onSettled();
      }
    }
  }
}
