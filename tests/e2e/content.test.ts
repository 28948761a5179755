/**
 * Issue 3 in real Chromium: detection, segmentation, highlighting, tooltips, live toggles and exact
 * restore on several policies (sample, long, SPA, iframe, German) and pages that are not policies.
 * Every test also proves the extension threw nothing into the page and made no network request.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  pageMarkup,
  waitForAnalysis,
  type ExtensionSession,
} from '../harness/extension';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from '../harness/server';
import { categoriesOn, highlightCounts, setSettings } from '../harness/session-helpers';
import { longPolicyHtml } from '../harness/pages';

let server: FixtureServer;
let session: ExtensionSession;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/pages/long-policy.html', longPolicyHtml(10_000));
  // An old-style policy: one block of text, paragraphs split by <br><br>.
  const plain = readFileSync(join(FIXTURES_DIR, 'pages', 'plain-policy.txt'), 'utf8');
  const escaped = plain.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  server.route(
    '/pages/br-policy.html',
    `<!doctype html><title>Privacy Policy</title><h1>Privacy Policy</h1><div id="policy">${escaped
      .trim()
      .split(/\n\s*\n/)
      .join('<br><br>\n')}</div>`,
  );
  session = await launchWithExtension();
  session.context.on('request', (request) => {
    const url = request.url();
    if (
      !url.startsWith(server.origin) &&
      !url.startsWith('chrome-extension://') &&
      !url.startsWith('data:')
    ) {
      foreignRequests.push(url);
    }
  });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${path}: ${message.text()}`);
  });
  await page.goto(server.url(path));
  return page;
}

/** Loads `path` with Fineprint off for the site, records the DOM, then switches it on. */
async function openWithBaseline(path: string): Promise<{ page: Page; original: string }> {
  await setSettings(session, { disabledSites: ['127.0.0.1'] });
  const page = await open(path);
  await page.waitForTimeout(400);
  const original = await pageMarkup(page);
  await setSettings(session, { disabledSites: [] });
  await waitForAnalysis(page);
  return { page, original };
}

/** Everything shown switched off: every trace of Fineprint leaves, the page is as it was. */
async function expectRestoredWhenAllOff(page: Page, original: string): Promise<void> {
  await setSettings(session, { enabledCategories: categoriesOn([]), showSensitive: false });
  await expect.poll(async () => (await highlightCounts(page)).any).toBe(0);
  expect(await pageMarkup(page)).toBe(original);
}

async function resetSettings() {
  await setSettings(session, {
    disabledSites: [],
    paused: false,
    showSensitive: true,
    enabledCategories: categoriesOn(['third-party-sharing']),
  });
}

describe('policies are annotated', () => {
  it('marks the sample policy where a reader expects, and nothing in nav, footer or banner', async () => {
    await resetSettings();
    const page = await open('/pages/sample-policy.html');
    await waitForAnalysis(page);
    const marked = (await page
      .locator('fp-mark[data-fp-type]')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-fp-type')}:${e.textContent?.toLowerCase()}`),
      )) as string[];
    expect(marked).toEqual(expect.arrayContaining(['device-identifiers:imei']));
    expect(marked.some((m) => m.startsWith('location:'))).toBe(true);
    expect(marked.some((m) => m.startsWith('contacts:'))).toBe(true);
    expect(marked.some((m) => m.startsWith('biometric:'))).toBe(true);
    expect(marked.some((m) => m.startsWith('financial:'))).toBe(true);
    // Each row of the SDK table is one paragraph about a third party collecting data; the
    // row of column names is none. ("AppsFlyer collects your IMEI…" reads as first-party
    // collection to the model, so two of the three rows carry sharing.)
    expect(await page.locator('tbody tr[data-fp-id]').count()).toBe(3);
    const sharingRows = await page.locator('tr[data-fp-cat~="third-party-sharing"]').count();
    expect(sharingRows).toBeGreaterThanOrEqual(2);
    expect(await page.locator('th[data-fp-id], td[data-fp-id], thead tr[data-fp-id]').count()).toBe(
      0,
    );
    // A definition term is highlighted with its description, as one paragraph.
    const pairs = await page
      .locator('dt[data-fp-id]')
      .evaluateAll((dts) =>
        dts.map(
          (dt) =>
            dt.getAttribute('data-fp-id') === dt.nextElementSibling?.getAttribute('data-fp-id'),
        ),
      );
    expect(pairs).toEqual([true, true]);
    expect(await page.locator('dt fp-mark[data-fp-type="biometric"]').count()).toBe(1);
    // Navigation, footer and the cookie banner are not policy text.
    const outside = await page
      .locator(
        'header [data-fp-id], footer [data-fp-id], #cookie-banner[data-fp-id], #cookie-banner [data-fp-id]',
      )
      .count();
    expect(outside).toBe(0);
    // The page's own script still works.
    await page.locator('#cookie-banner button').first().click();
    expect(await page.locator('#cookie-banner').count()).toBe(0);
    await page.close();
  });

  it('annotates a 10,000-word policy with lists, nested lists and tables', async () => {
    await resetSettings();
    const { page, original } = await openWithBaseline('/pages/long-policy.html');
    const counts = await highlightCounts(page);
    expect(counts.blocks).toBeGreaterThan(40);
    expect(counts.marks).toBeGreaterThan(40);
    expect(await page.locator('li li[data-fp-id], tr[data-fp-id]').count()).toBeGreaterThan(0);
    // The page is labelled in parts; the last paragraphs come in the last part and are
    // annotated like the first ones.
    const last = (phrase: string) =>
      page.evaluate((text) => {
        const blocks = [...document.querySelectorAll('main p, main li, main tr')].filter((el) =>
          el.textContent?.includes(text),
        );
        const el = blocks[blocks.length - 1];
        return {
          categories: el?.getAttribute('data-fp-cat') ?? '',
          marks: el?.querySelectorAll('fp-mark[data-fp-type]').length ?? 0,
        };
      }, phrase);
    await expect
      .poll(async () => (await last('advertising partners and analytics providers')).categories)
      .toContain('third-party-sharing');
    await expect.poll(async () => (await last('IMEI')).marks).toBeGreaterThan(0);
    await setSettings(session, { disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => (await highlightCounts(page)).any).toBe(0);
    expect(await pageMarkup(page)).toBe(original);
    await page.close();
  });

  it('follows a single-page app: late policy annotated, navigation away clears it', async () => {
    await resetSettings();
    const page = await open('/pages/spa-policy.html');
    await waitForAnalysis(page, 20_000);
    expect(await page.locator('[data-fp-cat~="third-party-sharing"]').count()).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { goToShop(): void }).goToShop());
    await expect.poll(async () => (await highlightCounts(page)).any, { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('annotates a section the page renders only when the reader opens it', async () => {
    await resetSettings();
    const page = await open('/pages/accordion-policy.html?lazy');
    await waitForAnalysis(page);
    const before = await highlightCounts(page);
    expect(await page.locator('#rights-slot p').count()).toBe(0);
    // A highlight already on the page, to see whether it is left alone.
    const mark = await page.locator('fp-mark[data-fp-type]').first().elementHandle();
    await page.locator('button.lazy').click();
    // The new paragraph is read, classified and annotated; the rest is annotated as before.
    await expect
      .poll(() => page.locator('#rights-slot p').getAttribute('data-fp-cat'), { timeout: 5000 })
      .toContain('user-access');
    expect((await highlightCounts(page)).blocks).toBe(before.blocks + 1);
    // Only the new paragraph was annotated: the existing highlights were never taken off.
    expect(await mark?.evaluate((el) => el.isConnected)).toBe(true);
    // Opening a section is not a change of the policy.
    expect(await page.locator('[data-fp-new]').count()).toBe(0);
    await page.close();
  });

  it('annotates a plain-text policy (.txt) paragraph by paragraph and restores it exactly', async () => {
    await resetSettings();
    const { page, original } = await openWithBaseline('/pages/plain-policy.txt');
    // Detected without a title or heading elements; each blank-line paragraph is its own clause.
    const paragraphs = page.locator('pre > fp-para[data-fp-id]');
    expect(await paragraphs.count()).toBeGreaterThan(15);
    const sharing = page.locator('fp-para[data-fp-cat~="third-party-sharing"]').first();
    expect(await sharing.textContent()).toMatch(/^We share your personal information/);
    await expect
      .poll(() => sharing.evaluate((el) => getComputedStyle(el).boxShadow))
      .not.toBe('none');
    const marks = await page
      .locator('fp-para fp-mark[data-fp-type]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-fp-type')}:${e.textContent}`));
    expect(marks).toEqual(
      expect.arrayContaining(['device-identifiers:IMEI', 'location:precise GPS location']),
    );
    await expectRestoredWhenAllOff(page, original);
    await page.close();
  });

  it('paints each paragraph of a block split by <br><br> on its own, and restores it exactly', async () => {
    await resetSettings();
    const { page, original } = await openWithBaseline('/pages/br-policy.html');
    const sharing = page.locator('#policy > fp-para[data-fp-cat~="third-party-sharing"]');
    expect(await sharing.count()).toBeGreaterThan(1);
    // Each <br><br> paragraph is painted alone: the sharing paragraph starts its own fp-para
    // (the heading above it may be painted too, on its own, as the model sees fit).
    const texts = await sharing.allTextContents();
    expect(texts.some((t) => /^We share your personal information/.test(t))).toBe(true);
    expect(texts.every((t) => !/How we share your information\s*We share/.test(t))).toBe(true);
    expect(await page.locator('#policy[data-fp-cat]').count()).toBe(0);
    expect(
      await page.locator('#policy fp-para fp-mark[data-fp-type="location"]').count(),
    ).toBeGreaterThan(0);
    await expectRestoredWhenAllOff(page, original);
    await page.close();
  });

  it('annotates a policy inside a same-origin iframe', async () => {
    await resetSettings();
    const page = await open('/pages/iframe-host.html');
    const frame = page.frameLocator('#policy-frame');
    await expect
      .poll(() => frame.locator('fp-mark[data-fp-type]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.close();
  });

  it('detects a German policy and says the analysis may be incomplete', async () => {
    await resetSettings();
    const page = await open('/pages/de-datenschutz.html');
    await expect.poll(async () => (await session.contentStatus(page))?.status).toBe('policy');
    const popup = await session.openPopup(page);
    await popup.getByTestId('not-english').waitFor();
    await popup.close();
    await page.close();
  });
});

describe('pages that are not policies', () => {
  for (const path of ['/pages/terms.html', '/pages/news-article.html']) {
    it(`leaves ${path} exactly as it is`, async () => {
      await resetSettings();
      const page = await open(path);
      await page.waitForTimeout(1000);
      expect((await highlightCounts(page)).any).toBe(0);
      await page.close();
    });
  }
});

describe('toggles, explanations and restore', () => {
  it('applies category toggles live and restores the DOM exactly when everything is off', async () => {
    await resetSettings();
    const { page, original } = await openWithBaseline('/pages/sample-policy.html');
    const retention = page.locator('[data-fp-cat~="data-retention"]').first();
    const shadowOf = () => retention.evaluate((el) => getComputedStyle(el).boxShadow);
    expect(await shadowOf()).toBe('none');
    await setSettings(session, {
      enabledCategories: categoriesOn(['third-party-sharing', 'data-retention']),
    });
    await expect.poll(shadowOf).not.toBe('none');
    const defaultBar = await shadowOf();
    // The high-contrast palette restyles the same highlights live.
    await setSettings(session, { palette: 'high-contrast' });
    await expect.poll(shadowOf).not.toBe(defaultBar);
    await setSettings(session, { palette: 'default' });
    await expect.poll(shadowOf).toBe(defaultBar);

    await expectRestoredWhenAllOff(page, original);

    await resetSettings();
    await waitForAnalysis(page);
    expect((await highlightCounts(page)).marks).toBeGreaterThan(0);
    await page.close();
  });

  it('explains a highlight on hover and on keyboard focus, and Escape closes it', async () => {
    await resetSettings();
    const page = await open('/pages/sample-policy.html');
    await waitForAnalysis(page);
    const mark = page.locator('fp-mark[data-fp-type]').first();
    await mark.hover();
    await expect.poll(() => page.locator('fineprint-tooltip').count()).toBe(1);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('fineprint-tooltip').count()).toBe(0);
    await mark.focus();
    await expect.poll(() => page.locator('fineprint-tooltip').count()).toBe(1);
    expect(await mark.getAttribute('aria-description')).toMatch(/Sensitive data/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('fineprint-tooltip').count()).toBe(0);
    await page.close();
  });
});
