/**
 * The annotator: segmentation, highlighting, tooltips and the page's side of the popup. The
 * background injects it (scripting.executeScript, into the content scripts' isolated world) only
 * when the detector (./index.ts) has found a policy or the user asked, so pages that are not
 * policies never load or run any of it.
 */
import { browser, isContextInvalidated, type Runtime } from '../platform/browser';
import { isContentMessage } from '../core/messages';
import { validateSettings } from '../core/settings';
import { SETTINGS_KEY } from '../platform/storage';
import { PageController } from './controller';
import { readHandoff } from './handoff';

const LOADED = Symbol.for('fineprint.annotator');

function boot(): void {
  const controller = new PageController(document);

  /** Runs an entry point so that no error ever reaches the page's console as uncaught. */
  const guarded = async <T>(work: () => Promise<T> | T): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (isContextInvalidated(error)) controller.shutdown();
      return undefined;
    }
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    // Only our own extension pages and background may drive the content script.
    if (sender.id !== browser.runtime.id || !isContentMessage(raw)) return undefined;
    switch (raw.type) {
      case 'content/get-status':
        return Promise.resolve(controller.getStatus());
      case 'content/analyse-anyway':
        return guarded(() => controller.analyseAnyway()).then((status) => ({ status }));
      case 'content/jump-to':
        return Promise.resolve({ found: controller.jumpTo(raw.paragraphId) });
      case 'content/find-policy-link':
        return Promise.resolve({ url: controller.findPolicyLink() });
      case 'content/mark-new':
        controller.markNew(raw.paragraphIds);
        return Promise.resolve({ ok: true });
    }
  });

  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'sync' || !change) return;
    void guarded(() => controller.applySettings(validateSettings(change.newValue)));
  });

  const handoff = readHandoff();
  if (handoff) {
    handoff.annotatorLoaded = true;
    handoff.stopDetector();
    void guarded(() => controller.startWith(handoff.detection, handoff.forced, handoff.detectMs));
  } else {
    void guarded(() => controller.start());
  }
}

const scope = globalThis as typeof globalThis & { [LOADED]?: boolean };
if (!scope[LOADED] && document.documentElement) {
  scope[LOADED] = true;
  boot();
}
