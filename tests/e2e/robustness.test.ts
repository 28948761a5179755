/**
 * Issue 5, robustness in real Chromium: enormous, deep, multilingual, self-rewriting and hostile
 * pages, pages with a strict CSP, and pages where the content script cannot or must not run.
 * Every case asserts (a) no exception and no console error in any world of the page (the page's
 * and Fineprint's isolated one), (b) the page's own script still works afterwards, and (c) what
 * Fineprint did is sensible for that page.
 */
import { CATEGORY_IDS } from '../../src/core/taxonomy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launchWithExtension,
  pageMarkup,
  waitForAnalysis,
  type ExtensionSession,
} from '../harness/extension';
import { startFixtureServer, type FixtureServer } from '../harness/server';
import { copyDist } from '../harness/dist-copy';
import modelData from '../../src/model/classifier.json';
import { loadModel } from '../../src/core/classifier';
import { analyzeParagraphs } from '../../src/core/analyze';
import { normalizeSpace } from '../../src/core/detect/words';
import { categoriesOn, highlightCounts, setSettings, tabState } from '../harness/session-helpers';
import {
  arabicPolicyHtml,
  chinesePolicyHtml,
  cspPolicyHtml,
  deepPolicyHtml,
  hostileCssPolicyHtml,
  hostileScriptPolicyHtml,
  hugePolicyHtml,
  manyParagraphsHtml,
  MIXED_PARAGRAPHS,
  mixedScriptPolicyHtml,
  rewritingPolicyHtml,
  STRICT_CSP,
  tinyPdf,
} from '../harness/hostile-pages';

let server: FixtureServer;
let session: ExtensionSession;
let fileDir: string;
let dist: ReturnType<typeof copyDist>;

/** Whatever a page reports as going wrong, in any of its JavaScript worlds. */
interface Watched {
  page: Page;
  problems: string[];
  cdp: CDPSession;
}

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/robust/huge.html', hugePolicyHtml(2 * 1024 * 1024));
  server.route('/robust/many.html', manyParagraphsHtml(20_000));
  server.route('/robust/deep.html', deepPolicyHtml(5000, 1500));
  server.route('/robust/zh.html', chinesePolicyHtml());
  server.route('/robust/ar.html', arabicPolicyHtml());
  server.route('/robust/mixed.html', mixedScriptPolicyHtml());
  server.route('/robust/ticker.html', rewritingPolicyHtml('ticker'));
  server.route('/robust/rewrite.html', rewritingPolicyHtml('rewrite'));
  server.route('/robust/css-unset.html', hostileCssPolicyHtml('unset'));
  server.route('/robust/css-important.html', hostileCssPolicyHtml('important'));
  server.route('/robust/hostile-scripts.html', hostileScriptPolicyHtml());
  server.route('/robust/csp.html', cspPolicyHtml(), { 'content-security-policy': STRICT_CSP });
  server.route('/robust/policy.pdf', tinyPdf('Privacy Policy: we collect your IMEI.'), {
    'content-type': 'application/pdf',
  });
  fileDir = mkdtempSync(join(tmpdir(), 'fineprint-file-'));
  writeFileSync(
    join(fileDir, 'policy.html'),
    mixedScriptPolicyHtml().replace(/<script src=[^>]*><\/script>/, ''),
  );
  dist = copyDist();
  session = await launchWithExtension({ extensionDir: dist.dir });
  await countAnalyses();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
  dist?.remove();
});

/** Counts `page/summarise` messages (one per analysis) per tab in the service worker, next to the real listener. */
async function countAnalyses(): Promise<void> {
  const sw = await session.worker();
  await sw.evaluate(() => {
    const scope = globalThis as unknown as { fpAnalyses?: Record<number, number> };
    if (scope.fpAnalyses) return;
    const counts: Record<number, number> = {};
    scope.fpAnalyses = counts;
    (
      chrome as unknown as {
        runtime: {
          onMessage: {
            addListener(f: (m: unknown, s: { tab?: { id?: number } }) => undefined): void;
          };
        };
      }
    ).runtime.onMessage.addListener((message, sender) => {
      const id = sender.tab?.id;
      if (id !== undefined && (message as { type?: string })?.type === 'page/summarise') {
        counts[id] = (counts[id] ?? 0) + 1;
      }
      return undefined;
    });
  });
}

async function analysesOf(page: Page): Promise<number> {
  const tabId = await session.tabIdOf(page);
  const sw = await session.worker();
  return sw.evaluate(
    (id) =>
      (globalThis as unknown as { fpAnalyses?: Record<number, number> }).fpAnalyses?.[id] ?? -1,
    tabId,
  );
}

/** Opens a page with every exception and console error of every world recorded. */
async function open(url: string): Promise<Watched> {
  const page = await session.context.newPage();
  const problems: string[] = [];
  const worlds = new Map<number, string>();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('crash', () => problems.push('the page crashed'));
  const cdp = await session.context.newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    worlds.set(context.id, context.name || context.origin || 'main');
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const world = worlds.get(d.executionContextId ?? -1) ?? 'unknown world';
    problems.push(`exception in ${world}: ${d.exception?.description ?? d.text}`);
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
    if (type !== 'error' && type !== 'assert') return;
    const text = args.map((a) => a.value ?? a.description ?? '').join(' ');
    problems.push(
      `console.${type} in ${worlds.get(executionContextId) ?? 'unknown world'}: ${text}`,
    );
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error')
      problems.push(`log (${entry.source}): ${entry.text} ${entry.url ?? ''}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await page.goto(url, { timeout: 60_000 });
  return { page, problems, cdp };
}

/** The page's own button handler and computed value still work. */
async function expectPageWorks(page: Page): Promise<void> {
  const result = await page.evaluate(() => {
    (document.getElementById('probe-button') as HTMLButtonElement).click();
    const probe = (window as unknown as { probe: { value: number; clicks: number } }).probe;
    return {
      out: document.getElementById('probe-out')?.textContent,
      value: probe.value,
      clicks: probe.clicks,
    };
  });
  expect(result).toEqual({ out: `clicked ${result.clicks}`, value: 42, clicks: result.clicks });
  expect(result.clicks).toBeGreaterThan(0);
}

async function maxBlockedMs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { probe: { maxGap: number } }).probe.maxGap);
}

async function finish(w: Watched): Promise<void> {
  expect(w.problems).toEqual([]);
  await w.cdp.detach().catch(() => undefined);
  await w.page.close();
}

/** Loads `path` with Fineprint off for the site, records the DOM, then switches it on. */
async function openWithBaseline(path: string): Promise<{ w: Watched; original: string }> {
  await setSettings(session, { disabledSites: ['127.0.0.1'] });
  const w = await open(server.url(path));
  await w.page.waitForTimeout(500);
  const original = await pageMarkup(w.page);
  await setSettings(session, { disabledSites: [] });
  await waitForAnalysis(w.page, 30_000);
  return { w, original };
}

async function expectRestoredWhenOff(page: Page, original: string): Promise<void> {
  await setSettings(session, { disabledSites: ['127.0.0.1'] });
  await expect.poll(async () => (await highlightCounts(page)).any, { timeout: 15_000 }).toBe(0);
  expect(await pageMarkup(page)).toBe(original);
  await setSettings(session, { disabledSites: [] });
}

/** Every mark sits inside an annotated block and wraps real text of a known type. */
async function marksOnText(page: Page): Promise<{ type: string; text: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('fp-mark')]
      .map((m) => ({
        type: m.getAttribute('data-fp-type') ?? '',
        text: m.textContent ?? '',
        inBlock: m.closest('[data-fp-id]') !== null,
      }))
      .map(({ type, text, inBlock }) => ({ type: inBlock ? type : `outside:${type}`, text })),
  );
}

/** `type:phrase` of every sensitive span the detector finds, per paragraph, in text order. */
function sensitivePhrases(paragraphs: readonly string[]): string[][] {
  const texts = paragraphs.map(normalizeSpace);
  const analyses = analyzeParagraphs(
    loadModel(modelData),
    texts.map((text) => ({ text })),
  );
  return analyses.map((a, i) =>
    [...a.spans]
      .sort((x, y) => x.start - y.start)
      .map((span) => `${span.type}:${texts[i]!.slice(span.start, span.end)}`),
  );
}

async function resetSettings(): Promise<void> {
  await setSettings(session, {
    disabledSites: [],
    paused: false,
    showSensitive: true,
    enabledCategories: categoriesOn(['third-party-sharing']),
  });
}

/** `type:text` of every mark in each of the first `n` paragraphs of <main>, in order. */
function marksPerParagraph(page: Page, n: number): Promise<string[][]> {
  return page.evaluate(
    (count) =>
      [...document.querySelectorAll('main p')]
        .slice(0, count)
        .map((p) =>
          [...p.querySelectorAll('fp-mark')].map(
            (m) =>
              `${m.getAttribute('data-fp-type')}:${(m.textContent ?? '').replace(/\s+/g, ' ')}`,
          ),
        ),
    n,
  );
}

describe('enormous pages', () => {
  it('annotates a 2 MB policy, capped, in bounded time', async () => {
    await resetSettings();
    const t0 = Date.now();
    const w = await open(server.url('/robust/huge.html'));
    await waitForAnalysis(w.page, 60_000);
    const elapsed = Date.now() - t0;
    const bytes = await w.page.evaluate(() => document.documentElement.outerHTML.length);
    expect(bytes).toBeGreaterThan(2_000_000);
    const counts = await highlightCounts(w.page);
    expect(counts.blocks).toBeGreaterThan(100);
    expect(counts.marks).toBeGreaterThan(100);
    const state = await tabState(session, w.page);
    expect(state?.status).toBe('policy');
    const gap = await maxBlockedMs(w.page);
    console.log(
      `2 MB policy: annotated in ${elapsed} ms; ${counts.blocks} blocks, ${counts.marks} marks; ` +
        `longest main-thread gap ${Math.round(gap)} ms`,
    );
    expect(elapsed).toBeLessThan(60_000);
    // The page's own 25 ms heartbeat never waits a second (110-200 ms measured, 35-126 ms with
    // Fineprint off): a floor that fails loudly if segmentation or highlighting stops yielding.
    expect(gap).toBeLessThan(1000);
    await expectPageWorks(w.page);
    expect(await analysesOf(w.page)).toBe(1);
    await finish(w);
  });

  it('annotates 20,000 paragraphs up to the segment cap and keeps the page responsive', async () => {
    await resetSettings();
    const w = await open(server.url('/robust/many.html'));
    await waitForAnalysis(w.page, 60_000);
    const annotated = await w.page.locator('[data-fp-id]').count();
    const total = await w.page.locator('main p').count();
    expect(total).toBe(20_000);
    expect(annotated).toBeGreaterThan(1000);
    expect(annotated).toBeLessThanOrEqual(5000);
    // Nothing after the cap is touched: the last paragraph is as the page wrote it.
    expect(await w.page.locator('main p').last().getAttribute('data-fp-id')).toBeNull();
    // A timer set now fires promptly: the page is not hung.
    const delay = await w.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t = performance.now();
          setTimeout(() => resolve(performance.now() - t), 0);
        }),
    );
    const gap = await maxBlockedMs(w.page);
    console.log(
      `20k paragraphs: ${annotated} annotated; longest main-thread gap ${Math.round(gap)} ms; timer delay ${Math.round(delay)} ms`,
    );
    expect(delay).toBeLessThan(1000);
    expect(gap).toBeLessThan(1000);
    await expectPageWorks(w.page);
    await finish(w);
  });

  it('survives a DOM 5,000 elements deep: no stack overflow, the hidden depths skipped', async () => {
    await resetSettings();
    const w = await open(server.url('/robust/deep.html'));
    const depthOf = (id: string) =>
      w.page.evaluate((target) => {
        let d = 0;
        for (let n = document.getElementById(target); n; n = n.parentElement) d++;
        return d;
      }, id);
    expect(await depthOf('deepest')).toBeGreaterThan(5000);
    expect(await depthOf('deepest-visible')).toBeGreaterThan(1500);
    await waitForAnalysis(w.page, 30_000);
    const counts = await highlightCounts(w.page);
    console.log(`deep DOM: ${counts.blocks} blocks, ${counts.marks} marks`);
    // The policy 1,500 deep is annotated; the copy 5,000 deep is not displayed and not touched.
    expect(await w.page.locator('#deepest-visible [data-fp-id]').count()).toBeGreaterThan(0);
    expect(await w.page.locator('#deepest-visible fp-mark').count()).toBe(counts.marks);
    expect(await w.page.locator('#deepest [data-fp-id], #deepest fp-mark').count()).toBe(0);
    await expectPageWorks(w.page);
    await finish(w);
  });
});

describe('scripts and directions', () => {
  it('Chinese: detected and annotated, marks on the identifiers', async () => {
    await resetSettings();
    const w = await open(server.url('/robust/zh.html'));
    await waitForAnalysis(w.page, 20_000);
    const marks = await marksOnText(w.page);
    console.log('zh marks:', JSON.stringify(marks));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.type).not.toMatch(/^outside:|^$/);
    expect(marks).toContainEqual({ type: 'device-identifiers', text: 'IMEI' });
    await expectPageWorks(w.page);
    await finish(w);
  });

  it('Arabic (RTL): not mistaken for trouble; analysed on request, marks on the Latin identifiers', async () => {
    await resetSettings();
    const w = await open(server.url('/robust/ar.html'));
    await w.page.waitForTimeout(1500);
    if ((await highlightCounts(w.page)).any === 0) {
      // Detection does not read Arabic; ask for an analysis as the popup's button would.
      const tabId = await session.tabIdOf(w.page);
      const sw = await session.worker();
      await sw.evaluate(
        (id) =>
          (
            chrome as unknown as {
              tabs: { sendMessage(id: number, m: object): Promise<unknown> };
            }
          ).tabs.sendMessage(id, { type: 'content/analyse-anyway' }),
        tabId,
      );
    }
    await waitForAnalysis(w.page, 20_000);
    const marks = await marksOnText(w.page);
    console.log('ar marks:', JSON.stringify(marks));
    for (const m of marks) expect(m.type).not.toMatch(/^outside:|^$/);
    expect(marks).toContainEqual({ type: 'device-identifiers', text: 'IMEI' });
    expect(await w.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectPageWorks(w.page);
    await finish(w);
  });

  it('mixed scripts, emoji and odd whitespace: marks land exactly on the phrases', async () => {
    await resetSettings();
    const { w, original } = await openWithBaseline('/robust/mixed.html');
    const marks = await marksOnText(w.page);
    for (const m of marks) expect(m.type).not.toMatch(/^outside:|^$/);
    // The phrases the detector finds in each paragraph (computed here in Node) are exactly the
    // texts wrapped by marks in the page, paragraph by paragraph.
    const expected = sensitivePhrases(MIXED_PARAGRAPHS);
    const actual = await marksPerParagraph(w.page, MIXED_PARAGRAPHS.length);
    expect(expected.flat().length).toBeGreaterThan(6);
    expect(actual).toEqual(expected);
    await expectRestoredWhenOff(w.page, original);
    await expectPageWorks(w.page);
    await finish(w);
  });
});

describe('pages that keep changing', () => {
  it('a page that ticks continuously is analysed once and keeps running', async () => {
    await resetSettings();
    const w = await open(server.url('/robust/ticker.html'));
    await waitForAnalysis(w.page, 20_000);
    const before = await w.page.evaluate(
      () => (window as unknown as { rewrites: number }).rewrites,
    );
    await w.page.waitForTimeout(3000);
    const after = await w.page.evaluate(() => (window as unknown as { rewrites: number }).rewrites);
    expect(after - before).toBeGreaterThan(20);
    expect(await analysesOf(w.page)).toBe(1);
    expect((await highlightCounts(w.page)).marks).toBeGreaterThan(0);
    await expectPageWorks(w.page);
    await finish(w);
  });

  it('a page that replaces its policy every 300 ms gets a bounded number of re-analyses', async () => {
    await resetSettings();
    const w = await open(server.url('/robust/rewrite.html'));
    await waitForAnalysis(w.page, 20_000);
    // Rechecks are capped: after enough time the count stops growing while the page rewrites on.
    let previous = -1;
    let count = await analysesOf(w.page);
    for (let i = 0; i < 12 && count !== previous; i++) {
      await w.page.waitForTimeout(3000);
      previous = count;
      count = await analysesOf(w.page);
    }
    console.log(`rewriter: ${count} analyses`);
    expect(count).toBe(previous);
    expect(count).toBeGreaterThan(1);
    expect(count).toBeLessThanOrEqual(14);
    const rewrites = await w.page.evaluate(
      () => (window as unknown as { rewrites: number }).rewrites,
    );
    expect(rewrites).toBeGreaterThan(count * 2);
    await expectPageWorks(w.page);
    await finish(w);
  }, 120_000);
});

describe('hostile pages', () => {
  for (const kind of ['unset', 'important'] as const) {
    it(`hostile CSS (${kind}): highlights stay visible, the tooltip appears, restore is exact`, async () => {
      await resetSettings();
      const { w, original } = await openWithBaseline(`/robust/css-${kind}.html`);
      const mark = w.page.locator('fp-mark[data-fp-type]').first();
      const background = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
      // Every category shown, so every annotated block must carry its margin bar.
      await setSettings(session, { enabledCategories: categoriesOn(CATEGORY_IDS) });
      const bar = w.page.locator('[data-fp-cat]').first();
      await expect
        .poll(() => bar.evaluate((el) => getComputedStyle(el).boxShadow))
        .not.toBe('none');
      await setSettings(session, { enabledCategories: categoriesOn(['third-party-sharing']) });
      await mark.focus();
      await expect.poll(() => w.page.locator('fineprint-tooltip').count()).toBe(1);
      const box = await w.page.locator('fineprint-tooltip').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { display: getComputedStyle(el).display, width: r.width, height: r.height };
      });
      expect(box.display).not.toBe('none');
      expect(box.width * box.height).toBeGreaterThan(0);
      await w.page.keyboard.press('Escape');
      await expect.poll(() => w.page.locator('fineprint-tooltip').count()).toBe(0);
      await expectRestoredWhenOff(w.page, original);
      await expectPageWorks(w.page);
      await finish(w);
    });
  }

  it('hostile scripts (overridden DOM prototypes, a MutationObserver storm) do not reach the content script', async () => {
    await resetSettings();
    const w = await open(server.url('/robust/hostile-scripts.html'));
    const callsBefore = await w.page.evaluate(
      () => (window as unknown as { hostileCalls: { count: number } }).hostileCalls.count,
    );
    await waitForAnalysis(w.page, 20_000);
    const counts = await highlightCounts(w.page);
    expect(counts.blocks).toBeGreaterThan(0);
    expect(counts.marks).toBeGreaterThan(0);
    await w.page.locator('fp-mark[data-fp-type]').first().focus();
    await expect.poll(() => w.page.locator('fineprint-tooltip').count()).toBe(1);
    await w.page.keyboard.press('Escape');
    // The page's overridden prototypes were never called by Fineprint (isolated world).
    const callsAfter = await w.page.evaluate(
      () => (window as unknown as { hostileCalls: { count: number } }).hostileCalls.count,
    );
    expect(callsAfter).toBe(callsBefore);
    const storm = await w.page.evaluate(
      () => (window as unknown as { stormRecords: { count: number } }).stormRecords.count,
    );
    expect(storm).toBeGreaterThan(1000);
    expect(await analysesOf(w.page)).toBe(1);
    await setSettings(session, { disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => (await highlightCounts(w.page)).any, { timeout: 15_000 }).toBe(0);
    await setSettings(session, { disabledSites: [] });
    await expectPageWorks(w.page);
    await finish(w);
  });

  it('a CSP forbidding inline styles: highlights still styled, tooltip works, no CSP report', async () => {
    await resetSettings();
    const { w, original } = await openWithBaseline('/robust/csp.html');
    const mark = w.page.locator('fp-mark[data-fp-type]').first();
    const background = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    await mark.hover();
    await expect.poll(() => w.page.locator('fineprint-tooltip').count()).toBe(1);
    await w.page.mouse.move(0, 0);
    await w.page.keyboard.press('Escape');
    await expectRestoredWhenOff(w.page, original);
    await expectPageWorks(w.page);
    await finish(w);
  });
});

describe('pages the content script cannot or must not read', () => {
  async function expectUnsupportedPopup(page: Page): Promise<void> {
    const popup = await session.openPopup(page);
    await popup.getByTestId('unsupported').waitFor({ timeout: 10_000 });
    await popup.close();
  }

  it('about:blank: nothing runs, the popup says it cannot read the page', async () => {
    const w = await open('about:blank');
    await w.page.waitForTimeout(500);
    expect((await highlightCounts(w.page)).any).toBe(0);
    await expectUnsupportedPopup(w.page);
    await finish(w);
  });

  it('a data: URL: nothing runs, no errors', async () => {
    const html =
      '<title>Privacy Policy</title><h1>Privacy Policy</h1><p>We collect your IMEI and GPS location and share it with advertising partners.</p>';
    const w = await open(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    await w.page.waitForTimeout(800);
    expect((await highlightCounts(w.page)).any).toBe(0);
    await expectUnsupportedPopup(w.page);
    await finish(w);
  });

  it('a PDF: no crash, no errors, the popup says it cannot read the page', async () => {
    const page = await session.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('crash', () => problems.push('crash'));
    // Headless Chromium may show the PDF in its viewer or download it; both are fine here.
    await page.goto(server.url('/robust/policy.pdf')).catch((e: Error) => {
      if (!/download/i.test(e.message)) throw e;
    });
    await page.waitForTimeout(1000);
    await expectUnsupportedPopup(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a file:// policy is analysed (Chromium grants file access to a --load-extension build), no errors', async () => {
    await resetSettings();
    const url = pathToFileURL(join(fileDir, 'policy.html')).href;
    const w = await open(url);
    // Chromium runs content scripts on file:// only when the extension may access file URLs;
    // an extension loaded with --load-extension may, as one loaded unpacked from a folder would
    // after the user ticks "Allow access to file URLs".
    await waitForAnalysis(w.page, 20_000);
    const expected = sensitivePhrases(MIXED_PARAGRAPHS);
    const actual = await marksPerParagraph(w.page, MIXED_PARAGRAPHS.length);
    expect(actual).toEqual(expected);
    await finish(w);
  });
});
