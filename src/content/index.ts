/**
 * Content script entry, injected at document_idle into every http(s) and file page. On a page that
 * is not a privacy policy it runs one cheap detection pass, touches nothing and loads no model.
 */
import { browser, isContextInvalidated, type Runtime } from '../platform/browser';
import { isContentMessage } from '../core/messages';
import { validateSettings } from '../core/settings';
import { SETTINGS_KEY } from '../platform/storage';
import { PageController } from './controller';

const LOADED = Symbol.for('fineprint.content');

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
    }
  });

  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'sync' || !change) return;
    void guarded(() => controller.applySettings(validateSettings(change.newValue)));
  });

  void guarded(() => controller.start());
}

/**
 * Documents a reader reads as text. Chromium injects content scripts into the page that hosts its
 * PDF viewer (and into image and media viewers) too; there is nothing for us to read there, and
 * staying out lets the popup say so instead of "not a privacy policy".
 */
const READABLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

const scope = globalThis as typeof globalThis & { [LOADED]?: boolean };
if (!scope[LOADED] && document.documentElement && READABLE_TYPES.has(document.contentType)) {
  scope[LOADED] = true;
  boot();
}
