/**
 * Issue 4 in real Chromium: the popup's summary of the sample policy, live category toggles,
 * jump to clause, analysis on demand, change tracking across two visits, export, and tab state
 * that survives the service worker being stopped.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchWithExtension, waitForAnalysis, type ExtensionSession } from '../harness/extension';
import { startFixtureServer, type FixtureServer } from '../harness/server';
import { categoriesOn, setSettings } from '../harness/session-helpers';

let server: FixtureServer;
let session: ExtensionSession;

const SHARING_ONLY = categoriesOn(['third-party-sharing']);

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchWithExtension();
});

beforeEach(async () => {
  await setSettings(session, {
    disabledSites: [],
    paused: false,
    enabledCategories: SHARING_ONLY,
    showSensitive: true,
  });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('popup on the sample policy', () => {
  it('summarises risk with evidence, sensitive types, third parties and category counts', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/sample-policy.html'));
    await waitForAnalysis(page);
    const popup = await session.openPopup(page);
    await popup.getByTestId('risk-level').waitFor();
    expect(await popup.getByTestId('risk-level').textContent()).toBe('High risk');
    // Each finding opens to the clause it rests on.
    const first = popup.getByTestId('findings').locator('details').first();
    await first.locator('summary').click();
    await expect.poll(() => first.locator('blockquote').count()).toBeGreaterThan(0);

    const sensitive = await popup
      .getByTestId('sensitive-list')
      .locator('li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
    expect(sensitive).toEqual(
      expect.arrayContaining([
        'location',
        'biometric',
        'government-id',
        'contacts',
        'device-identifiers',
        'financial',
      ]),
    );
    const parties = (await popup.getByTestId('third-parties').textContent()) ?? '';
    for (const name of ['AppsFlyer', 'Stripe']) expect(parties).toContain(name);
    expect(Number(await popup.locator('#count-third-party-sharing').textContent())).toBeGreaterThan(
      0,
    );
    await popup.close();
    await page.close();
  });

  it('toggles a category on the page live and jumps to a clause', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/sample-policy.html'));
    await waitForAnalysis(page);
    const popup = await session.openPopup(page);
    await popup.getByTestId('toggle-user-access').check();
    const access = page.locator('[data-fp-cat~="user-access"]').first();
    await expect
      .poll(() => access.evaluate((el) => getComputedStyle(el).boxShadow))
      .not.toBe('none');
    await popup.getByTestId('toggle-user-access').uncheck();
    await expect.poll(() => access.evaluate((el) => getComputedStyle(el).boxShadow)).toBe('none');

    // Jump to the retention clause from the category list.
    const row = popup.getByTestId('categories').locator('[data-label="data-retention"]');
    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Jump to clause' }).first().click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-fp-cat') ?? ''))
      .toContain('data-retention');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('reads collapsed sections of a policy and opens them to jump to a clause', async () => {
    await setSettings(session, { enabledCategories: categoriesOn(['third-party-sharing']) });
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/accordion-policy.html'));
    await waitForAnalysis(page);
    // Closed <details> and a collapsed accordion panel are policy text: annotated while closed.
    expect(await page.locator('details p[data-fp-cat~="third-party-sharing"]').count()).toBe(1);
    expect(await page.locator('details fp-mark[data-fp-type="location"]').count()).toBe(1);
    expect(await page.locator('#retention-panel p[data-fp-cat~="data-retention"]').count()).toBe(1);
    // Text hidden for other reasons is still not read.
    expect(await page.locator('[hidden] [data-fp-id], .mobile-menu [data-fp-id]').count()).toBe(0);

    const popup = await session.openPopup(page);
    const row = popup.getByTestId('categories').locator('[data-label="data-retention"]');
    await row.locator('summary').click();
    await row.getByRole('button', { name: 'Jump to clause' }).first().click();
    // The page's own accordion control opened the panel; the clause is shown and focused.
    await expect
      .poll(() => page.locator('[aria-controls="retention-panel"]').getAttribute('aria-expanded'))
      .toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-fp-cat') ?? ''))
      .toContain('data-retention');
    expect(await page.locator('#retention-panel p').isVisible()).toBe(true);

    const sharing = popup.getByTestId('categories').locator('[data-label="third-party-sharing"]');
    await sharing.locator('summary').click();
    await sharing.getByRole('button', { name: 'Jump to clause' }).first().click();
    await expect.poll(() => page.locator('details').nth(1).getAttribute('open')).toBe('');
    expect(await page.locator('details').nth(0).getAttribute('open')).toBeNull();
    await popup.close();
    await page.close();
  });

  it('exports the analysis as Markdown and JSON', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/sample-policy.html'));
    await waitForAnalysis(page);
    const popup = await session.openPopup(page);
    await popup.getByTestId('export-md').waitFor();
    const [md] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByTestId('export-md').click(),
    ]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(md.suggestedFilename()).toMatch(/^fineprint-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown).toContain('Privacy Policy');
    expect(markdown).toMatch(/IMEI/);
    const [js] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByTestId('export-json').click(),
    ]);
    const json = JSON.parse(readFileSync((await js.path())!, 'utf8')) as Record<string, unknown>;
    expect(json.url).toBe(server.url('/pages/sample-policy.html'));
    expect(JSON.stringify(json)).toContain('AppsFlyer');
    await popup.close();
    await page.close();
  });

  it('keeps the tab state when the service worker is stopped and restarted', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/sample-policy.html'));
    await waitForAnalysis(page);
    const tabId = await session.tabIdOf(page);
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The popup's message wakes a fresh worker, which must answer from storage alone.
    const popup = await session.openPopup(page, { tabId });
    await popup.getByTestId('risk-level').waitFor();
    expect(await popup.getByTestId('risk-level').textContent()).toBe('High risk');
    await popup.close();
    await page.close();
  });
});

describe('pages that are not detected', () => {
  it('analyses a page on demand and finds the site policy link', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/terms.html'));
    await page.waitForTimeout(500);
    const popup = await session.openPopup(page);
    await popup.getByTestId('not-policy').waitFor();
    const [opened] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByTestId('find-policy').click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(server.url('/pages/sample-policy.html'));
    await opened.close();
    await popup.getByTestId('analyse-anyway').click();
    await waitForAnalysis(page);
    expect(await page.locator('[data-fp-id]').count()).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });
});

describe('options page', () => {
  it('stores defaults that the popup and pages then use', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    const retention = options.getByRole('checkbox', { name: /^Retention/ });
    await retention.check();
    await options.getByRole('radio', { name: /Fewer, surer/ }).check();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved.');
    const sw = await session.worker();
    const stored = (await sw.evaluate(
      async () => (await chrome.storage.sync.get('settings')).settings,
    )) as {
      enabledCategories: Record<string, boolean>;
      sensitivity: string;
    };
    expect(stored.enabledCategories['data-retention']).toBe(true);
    expect(stored.sensitivity).toBe('fewer');
    await options.close();
  });
});

describe('change tracking', () => {
  it('shows what changed since the last visit and outlines new clauses', async () => {
    const base = [
      '<h1>Privacy Policy</h1>',
      '<p>This privacy policy explains how Tracker Inc collects and uses personal information.</p>',
      '<p>We collect your email address and device identifiers when you register.</p>',
      '<p>We share your personal information with advertising partners.</p>',
      '<p>You may delete your account at any time from the settings page.</p>',
    ];
    const page1 = `<!doctype html><html><head><title>Privacy Policy</title></head><body><main>${base.join('')}</main></body></html>`;
    const changed = [
      ...base.slice(0, 3),
      '<p>We also sell your precise location history to data brokers.</p>',
      ...base.slice(3),
    ];
    const page2 = `<!doctype html><html><head><title>Privacy Policy</title></head><body><main>${changed.join('')}</main></body></html>`;
    server.route('/pages/changing-policy.html', page1);
    const page = await session.context.newPage();
    await page.goto(server.url('/pages/changing-policy.html'));
    await waitForAnalysis(page);
    expect(await page.locator('[data-fp-new]').count()).toBe(0);

    server.route('/pages/changing-policy.html', page2);
    await page.reload();
    await waitForAnalysis(page);
    await expect.poll(() => page.locator('[data-fp-new]').textContent()).toContain('data brokers');
    const popup = await session.openPopup(page);
    await popup.getByTestId('changes').waitFor();
    expect(await popup.getByTestId('changes').textContent()).toMatch(/Changed since.*1 added/s);
    await popup.getByRole('button', { name: 'Clear policy history' }).click();
    const sw = await session.worker();
    await expect
      .poll(() =>
        sw.evaluate(async () =>
          JSON.stringify((await chrome.storage.local.get('history')).history),
        ),
      )
      .not.toContain('changing-policy');
    await popup.close();
    await page.close();
  });
});
