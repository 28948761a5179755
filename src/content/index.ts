/**
 * The detector: the only content script the manifest injects, at document_idle, into every
 * http(s) and file page. It decides whether the page is a privacy policy and touches nothing. On a
 * policy (now, after late rendering, or when the user asks) it asks the background to inject the
 * annotator (./annotator.ts); until then it answers the popup itself. Kept small on purpose: this
 * is all that a page that is not a policy ever pays for.
 */
import { browser, type Runtime } from '../platform/browser';
import { isContentMessage, type ContentStatusReply } from '../core/messages';
import { detectPage } from './detect/page';
import { findPolicyLink } from './policy-link';
import { PageWatcher } from './watch';
import { readHandoff, writeHandoff, type Handoff } from './handoff';

/**
 * Documents a reader reads as text. Chromium injects content scripts into the page that hosts its
 * PDF viewer (and into image and media viewers) too; there is nothing for us to read there, and
 * staying out lets the popup say so instead of "not a privacy policy".
 */
const READABLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

function detect(handoff: Handoff): void {
  const t0 = performance.now();
  handoff.detection = detectPage(document);
  handoff.detectMs = performance.now() - t0;
}

function requestAnnotator(handoff: Handoff): void {
  if (handoff.annotatorLoaded) return;
  handoff.stopDetector();
  browser.runtime.sendMessage({ type: 'page/load-annotator' }).catch(() => {
    // Extension updated or removed under this page: nothing to do, nothing to clean up.
  });
}

function boot(): void {
  const watcher = new PageWatcher(document, {
    onUrlChange: () => check(),
    onSettled: () => check(),
  });
  const handoff: Handoff = {
    detection: { isPolicy: false, score: 0, reasons: [] },
    detectMs: 0,
    forced: false,
    annotatorLoaded: false,
    stopDetector: () => watcher.stop(),
  };
  writeHandoff(handoff);

  const check = () => {
    try {
      detect(handoff);
      if (handoff.detection.isPolicy) requestAnnotator(handoff);
    } catch {
      // Detection must never disturb the page; a page we cannot read is simply not analysed.
    }
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    // Once the annotator runs it answers; only our own extension may ask.
    if (handoff.annotatorLoaded || sender.id !== browser.runtime.id || !isContentMessage(raw)) {
      return undefined;
    }
    const status = (): ContentStatusReply => ({
      status: handoff.detection.isPolicy || handoff.forced ? 'analysing' : 'not-policy',
      detection: handoff.detection,
      url: location.href,
      timings: { detectMs: handoff.detectMs },
    });
    switch (raw.type) {
      case 'content/get-status':
        return Promise.resolve(status());
      case 'content/analyse-anyway':
        handoff.forced = true;
        requestAnnotator(handoff);
        return Promise.resolve({ status: 'analysing' as const });
      case 'content/jump-to':
        return Promise.resolve({ found: false });
      case 'content/find-policy-link':
        return Promise.resolve({ url: findPolicyLink(document) });
    }
  });

  check();
  if (!handoff.detection.isPolicy) watcher.watchForLateContent();
}

if (!readHandoff() && document.documentElement && READABLE_TYPES.has(document.contentType)) {
  boot();
}
