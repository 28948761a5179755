/** The real PopupConnector, over webextension-polyfill and our storage module. */
import { browser } from '../platform/browser';
import { readSettings, updateSettings, writeHistory } from '../platform/storage';
import { emptyHistory } from '../core/history';
import { isContentStatusReply, isTabStateReply } from '../core/messages';
import type { PopupConnector } from './connector';

export function createBrowserConnector(): PopupConnector {
  return {
    async tabId() {
      // Tests and the "open in tab" view pass the tab explicitly; the toolbar popup uses the active tab.
      const param = new URLSearchParams(location.search).get('tab');
      if (param && /^\d+$/.test(param)) return Number(param);
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    async tabState(tabId) {
      const reply: unknown = await browser.runtime.sendMessage({ type: 'popup/get-state', tabId });
      return isTabStateReply(reply) ? reply.state : null;
    },
    async contentStatus(tabId) {
      try {
        const reply: unknown = await browser.tabs.sendMessage(tabId, {
          type: 'content/get-status',
        });
        return isContentStatusReply(reply) ? reply : null;
      } catch {
        return null;
      }
    },
    async analyseAnyway(tabId) {
      await browser.tabs.sendMessage(tabId, { type: 'content/analyse-anyway' });
    },
    async jumpTo(tabId, paragraphId) {
      try {
        const reply = (await browser.tabs.sendMessage(tabId, {
          type: 'content/jump-to',
          paragraphId,
        })) as { found?: unknown } | undefined;
        return reply?.found === true;
      } catch {
        return false;
      }
    },
    async findPolicyLink(tabId) {
      try {
        const reply = (await browser.tabs.sendMessage(tabId, {
          type: 'content/find-policy-link',
        })) as { url?: unknown } | undefined;
        const url = typeof reply?.url === 'string' ? reply.url : null;
        return url && /^https?:\/\//.test(url) ? url : null;
      } catch {
        return null;
      }
    },
    async openTab(url) {
      await browser.tabs.create({ url });
    },
    readSettings,
    updateSettings,
    async clearHistory() {
      await writeHistory(emptyHistory());
    },
    download(filename, mime, content) {
      // A blob link in the popup itself: no "downloads" permission needed, nothing leaves the machine.
      const url = URL.createObjectURL(new Blob([content], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}
