/**
 * Every runtime message the background accepts, checked twice: by sender (content scripts may send
 * only the page/* messages on the allowlist; only our own pages may send popup/*) and by schema.
 * Anything else is ignored without a reply.
 */
import { browser, type Runtime } from '../platform/browser';
import {
  CONTENT_SCRIPT_MESSAGES,
  EXTENSION_PAGE_MESSAGES,
  isMessage,
  type RuntimeMessage,
} from '../core/messages';
import { readTabState, removeTabState } from '../platform/storage';
import { classifyPart, forgetTab, summarisePage } from './analyse-page';
import { showBadge } from './badge';
import { injectAnnotator } from './annotator';
import { warmUp } from './model';

function fromContentScript(sender: Runtime.MessageSender): number | null {
  if (sender.id !== browser.runtime.id || !sender.tab?.id || sender.frameId !== 0) return null;
  return sender.tab.id;
}

function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
}

export function handleMessage(
  raw: unknown,
  sender: Runtime.MessageSender,
): Promise<unknown> | undefined {
  const tabId = fromContentScript(sender);
  if (tabId !== null && isMessage(raw, CONTENT_SCRIPT_MESSAGES)) return fromPage(tabId, raw);
  if (fromExtensionPage(sender) && isMessage(raw, EXTENSION_PAGE_MESSAGES)) return fromPopup(raw);
  return undefined;
}

async function fromPage(tabId: number, message: RuntimeMessage): Promise<unknown> {
  switch (message.type) {
    case 'page/load-annotator': {
      const injected = injectAnnotator(tabId, 0);
      setTimeout(warmUp, 0);
      return injected;
    }
    case 'page/classify':
      return classifyPart(tabId, message.paragraphs);
    case 'page/summarise':
      return summarisePage(tabId, message);
    case 'page/cleared':
      forgetTab(tabId);
      await removeTabState(tabId);
      await showBadge(tabId, null);
      return { ok: true };
    default:
      return undefined;
  }
}

async function fromPopup(message: RuntimeMessage): Promise<unknown> {
  switch (message.type) {
    case 'popup/get-state':
      return { state: await readTabState(message.tabId) };
    default:
      return undefined;
  }
}
