/** Helpers the real-browser tests share: settings, tab state and badge from inside the extension. */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './extension';
import { CATEGORY_IDS } from '../../src/core/taxonomy';

/** An `enabledCategories` setting with exactly `on` switched on. */
export function categoriesOn(on: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(CATEGORY_IDS.map((id) => [id, on.includes(id)]));
}

export async function setSettings(session: ExtensionSession, patch: Record<string, unknown>) {
  const sw = await session.worker();
  await sw.evaluate(async (p) => {
    const current = ((await chrome.storage.sync.get('settings')).settings ?? {}) as object;
    await chrome.storage.sync.set({ settings: { ...current, ...p } });
  }, patch);
}

export async function storedSettings(session: ExtensionSession): Promise<Record<string, unknown>> {
  const sw = await session.worker();
  return sw.evaluate(
    async () =>
      ((await chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>,
  );
}

export async function badgeText(session: ExtensionSession, page: Page): Promise<string> {
  const tabId = await session.tabIdOf(page);
  const sw = await session.worker();
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function tabState(
  session: ExtensionSession,
  page: Page,
): Promise<Record<string, unknown> | undefined> {
  const tabId = await session.tabIdOf(page);
  const sw = await session.worker();
  return sw.evaluate(
    async (key) => (await chrome.storage.session.get(key))[key] as Record<string, unknown>,
    `tab:${tabId}`,
  );
}

/** Number of our highlights on the page: annotated blocks and sensitive-phrase marks. */
export function highlightCounts(
  page: Page,
): Promise<{ blocks: number; marks: number; any: number }> {
  return page.evaluate(() => ({
    blocks: document.querySelectorAll('[data-fp-cat]').length,
    marks: document.querySelectorAll('fp-mark').length,
    any:
      document.querySelectorAll('[data-fp-id], [data-fp-cat], fp-mark, [data-fp-ui]').length +
      (document.documentElement.hasAttribute('data-fp-show') ? 1 : 0),
  }));
}
