/**
 * Issue 2's vertical slice in real Chromium: the content script highlights the sample policy, the
 * background sets the badge, the popup shows the same count, and the per-site switch removes every
 * highlight (leaving the DOM exactly as it was) and brings them back, remembered in storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  pageMarkup,
  waitForAnalysis,
  type ExtensionSession,
} from '../harness/extension';
import { startFixtureServer, type FixtureServer } from '../harness/server';
import {
  badgeText,
  highlightCounts,
  setSettings,
  storedSettings,
} from '../harness/session-helpers';

let server: FixtureServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('install', () => {
  it('opens no tab on install and starts with sane defaults', async () => {
    const urls = session.context.pages().map((p) => p.url());
    expect(urls.every((u) => u === 'about:blank')).toBe(true);
    const sw = await session.worker();
    expect(
      await sw.evaluate(async () => (await chrome.storage.sync.get('settings')).settings),
    ).toBeUndefined();
  });
});

describe('sample policy', () => {
  it('is highlighted, counted on the badge and in the popup, and toggled off and on exactly', async () => {
    // Load the page once with Fineprint off for this site to record the untouched DOM.
    await setSettings(session, { disabledSites: ['127.0.0.1'] });
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/sample-policy.html'));
    await page.waitForTimeout(500);
    const original = await pageMarkup(page);
    expect((await highlightCounts(page)).any).toBe(0);

    // Switching the site on analyses and highlights without a reload.
    await setSettings(session, { disabledSites: [] });
    await waitForAnalysis(page);
    const on = await highlightCounts(page);
    expect(on.blocks).toBeGreaterThan(3);
    expect(on.marks).toBeGreaterThan(3);
    // Sharing is shown by default: the SDK table rows and the sharing paragraph carry it.
    const sharing = await page.locator('[data-fp-cat~="third-party-sharing"]').count();
    expect(sharing).toBeGreaterThan(0);
    // Specific phrases are marked precisely.
    const marked = await page.locator('fp-mark[data-fp-type]').allTextContents();
    expect(marked.map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['imei']));

    // The badge and the popup report the same number of flagged clauses.
    const badge = await badgeText(session, page);
    expect(Number(badge)).toBeGreaterThan(0);
    const popup = await session.openPopup(page);
    await expect.poll(() => popup.getByTestId('flagged-count').textContent()).toBe(badge);

    // The per-site switch in the popup removes every highlight and restores the DOM exactly.
    await popup.getByTestId('site-toggle').uncheck();
    await expect.poll(async () => (await highlightCounts(page)).any).toBe(0);
    expect(await pageMarkup(page)).toBe(original);
    expect((await storedSettings(session)).disabledSites).toEqual(['127.0.0.1']);
    await expect.poll(() => badgeText(session, page)).toBe('off');

    // Switching back on restores the same highlights; the choice is persisted.
    await popup.reload();
    await popup.getByTestId('site-toggle').check();
    await waitForAnalysis(page);
    expect(await highlightCounts(page)).toEqual(on);
    expect((await storedSettings(session)).disabledSites).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('leaves a page that is not a policy untouched', async () => {
    server.route(
      '/blog/post.html',
      '<!doctype html><html><head><title>Ten tips for sourdough</title></head><body>' +
        '<h1>Ten tips for sourdough</h1><p>Feed your starter twice a day and keep it warm.</p>' +
        '<p>We share our favourite recipes with friends every week.</p></body></html>',
    );
    const page = await session.context.newPage();
    await page.goto(server.url('/blog/post.html'));
    await page.waitForTimeout(800);
    expect((await highlightCounts(page)).any).toBe(0);
    const popup = await session.openPopup(page);
    await popup.getByTestId('not-policy').waitFor();
    await popup.close();
    await page.close();
  });
});
