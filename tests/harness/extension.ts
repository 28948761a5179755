/**
 * Launches real Chromium with the built extension (dist/) loaded, and helpers to reach its
 * service worker, its popup page, and pages annotated by its content script.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium';
import type { ContentStatusReply } from '../../src/core/messages';

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Opens the popup page as a tab, bound to the tab that shows `page`. */
  openPopup(
    page: Page,
    options?: { colorScheme?: 'light' | 'dark'; tabId?: number },
  ): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  /** Asks the content script of `page` for its status, as the popup does. */
  contentStatus(page: Page): Promise<ContentStatusReply | null>;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: {
    viewport?: { width: number; height: number };
    /** A copy of dist/ to load instead (so a rebuild during a long suite cannot disturb it). */
    extensionDir?: string;
    /** Extra Chromium flags (e.g. a net log for the network test). */
    args?: string[];
  } = {},
): Promise<ExtensionSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fineprint-e2e-'));
  const extensionDir = options.extensionDir ?? DIST_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: !process.env.HEADED,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  const worker = async (): Promise<Worker> => {
    const existing = context
      .serviceWorkers()
      .find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = new URL((await worker()).url()).host;

  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const sw = await worker();
    const id = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (id < 0) throw new Error('no active tab');
    return id;
  };

  let extensionPage: Page | null = null;
  const contentStatus = async (page: Page): Promise<ContentStatusReply | null> => {
    const tabId = await tabIdOf(page);
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    }
    return extensionPage.evaluate(
      (id) =>
        chrome.tabs
          .sendMessage(id, { type: 'content/get-status' })
          .then((reply) => reply as ContentStatusReply)
          .catch(() => null),
      tabId,
    );
  };

  return {
    context,
    extensionId,
    worker,
    tabIdOf,
    contentStatus,
    async openPopup(page, popupOptions = {}) {
      const tabId = popupOptions.tabId ?? (await tabIdOf(page));
      const popup = await context.newPage();
      await popup.emulateMedia({ colorScheme: popupOptions.colorScheme ?? 'light' });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the content script has finished annotating (or deciding not to). */
export async function waitForAnalysis(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-fp-show'), null, {
    timeout,
  });
  // Annotation runs in slices; wait until the number of annotated blocks stops changing.
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const count = await page.evaluate(
      () => document.querySelectorAll('[data-fp-id], fp-mark').length,
    );
    if (count === last && count > 0) return;
    last = count;
    await page.waitForTimeout(100);
  }
}

/** Serialises the page for exact before/after comparison. */
export function pageMarkup(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}
