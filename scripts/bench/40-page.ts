/**
 * Page cost in real Chromium (issue 3): how long Fineprint takes to annotate a 10,000-word policy,
 * the longest main-thread task while it does, and what a page that is not a policy pays. Figures
 * come from the content script's own timings (read through the extension, as the popup does),
 * long tasks observed in the page, and CDP script-time metrics with and without the extension.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, DIST_DIR } from '../../tests/harness/extension';
import { startFixtureServer } from '../../tests/harness/server';
import { longPolicyHtml } from '../../tests/harness/pages';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/harness/chromium';
import type { PageTimings } from '../../src/core/messages';

export const title = 'Page cost in real Chromium (content script + background)';

/** Loads of the long policy; the first (cold worker, cold caches) counts like the others. */
const RUNS = 11;
/** Pause after closing a page, so its teardown does not run during the next load. */
const SETTLE_MS = 500;
const NON_POLICY_RUNS = 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
    : NaN;
};
const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(1));

/** Records long tasks (> 50 ms) in the page's main thread, whoever runs them. */
const LONG_TASK_OBSERVER = `
  window.__fpLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__fpLongTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Opens `url` in a new page and returns the main thread's script and total task time, in ms. */
async function loadCost(
  context: BrowserContext,
  url: string,
): Promise<{ script: number; task: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: value('ScriptDuration'), task: value('TaskDuration') };
}

export async function run(): Promise<void> {
  const server = await startFixtureServer();
  server.route('/bench/long-policy.html', longPolicyHtml(10_000));
  const session = await launchWithExtension();
  try {
    const results: (PageTimings & { longestTask: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await session.context.newPage();
      await page.addInitScript(LONG_TASK_OBSERVER);
      await page.goto(server.url(`/bench/long-policy.html?run=${i}`));
      let timings: PageTimings | undefined;
      for (let tries = 0; tries < 100 && timings?.totalMs === undefined; tries++) {
        await page.waitForTimeout(100);
        timings = (await session.contentStatus(page))?.timings;
      }
      const longTasks = await page.evaluate(
        () => (window as unknown as { __fpLongTasks: number[] }).__fpLongTasks,
      );
      if (timings?.totalMs !== undefined)
        results.push({ ...timings, longestTask: Math.max(0, ...longTasks) });
      await page.close();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
    const pick = (key: keyof PageTimings | 'longestTask') =>
      median(results.map((r) => r[key] as number).filter((v) => typeof v === 'number'));
    console.log(
      `10,000-word policy, ${results[0]?.paragraphs ?? '?'} paragraphs, median of ${results.length} loads:`,
    );
    console.log(`  detection                     ${fmt(pick('detectMs'))} ms`);
    console.log(`  segmentation                  ${fmt(pick('segmentMs'))} ms`);
    console.log(
      `  classification (background)   ${fmt(pick('classifyMs'))} ms  (round trip incl. messaging)`,
    );
    console.log(`  highlighting (wall)           ${fmt(pick('highlightMs'))} ms`);
    console.log(`  highlighting (main thread)    ${fmt(pick('highlightBusyMs'))} ms`);
    const first = results[0]?.totalMs;
    const totals = results.map((r) => r.totalMs as number).sort((a, b) => a - b);
    const quartile = (q: number) => totals[Math.round(q * (totals.length - 1))];
    console.log(
      `  fully annotated after         ${fmt(pick('totalMs'))} ms   (budget 150 ms; quartiles ${fmt(quartile(0.25))}–${fmt(quartile(0.75))}, all ${fmt(totals[0])}–${fmt(totals[totals.length - 1])})`,
    );
    console.log(
      `  first load after start-up     ${fmt(first)} ms   (cold worker, model and code: the median's worst case, shown apart)`,
    );
    console.log(
      `  longest highlighting slice    ${fmt(pick('longestSliceMs'))} ms   (budget 50 ms; worst load ${fmt(Math.max(...results.map((r) => r.longestSliceMs ?? 0)))} ms, wall clock on a shared 2-core machine)`,
    );
    console.log(
      `  longest task seen in page     ${fmt(pick('longestTask'))} ms   (any task > 50 ms is a long task; 0 = none; worst load ${fmt(Math.max(...results.map((r) => r.longestTask)))} ms)`,
    );

    // A page that is not a policy: detection only.
    const detect: number[] = [];
    for (let i = 0; i < NON_POLICY_RUNS; i++) {
      const page = await session.context.newPage();
      await page.goto(server.url(`/pages/news-article.html?run=${i}`));
      await page.waitForTimeout(300);
      const status = await session.contentStatus(page);
      if (status?.timings) detect.push(status.timings.detectMs);
      await page.close();
    }
    const withExt: { script: number; task: number }[] = [];
    for (let i = 0; i < NON_POLICY_RUNS; i++) {
      withExt.push(await loadCost(session.context, server.url(`/pages/news-article.html?m=${i}`)));
    }
    await session.close();

    const userDataDir = mkdtempSync(join(tmpdir(), 'fineprint-bench-'));
    const plain = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const without: { script: number; task: number }[] = [];
    for (let i = 0; i < NON_POLICY_RUNS; i++) {
      without.push(await loadCost(plain, server.url(`/pages/news-article.html?m=${i}`)));
    }
    await plain.close();
    rmSync(userDataDir, { recursive: true, force: true });

    const size = (file: string) => {
      const bytes = readFileSync(join(DIST_DIR, file));
      return `${(bytes.length / 1024).toFixed(1)} KiB (${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped)`;
    };
    console.log(`Page that is not a policy (news article), median of ${NON_POLICY_RUNS} loads:`);
    console.log(
      `  detection (content script's own measure)  ${fmt(median(detect))} ms   (budget 2 ms)`,
    );
    const med = (xs: { script: number; task: number }[], k: 'script' | 'task') =>
      median(xs.map((x) => x[k]));
    console.log(
      `  main-thread script time with / without     ${fmt(med(withExt, 'script'))} / ${fmt(med(without, 'script'))} ms` +
        `  → added ≈ ${fmt(med(withExt, 'script') - med(without, 'script'))} ms (detector compile + run)`,
    );
    console.log(
      `  main-thread task time with / without       ${fmt(med(withExt, 'task'))} / ${fmt(med(without, 'task'))} ms` +
        `  → added ≈ ${fmt(med(withExt, 'task') - med(without, 'task'))} ms`,
    );
    console.log(`  detector (every page)                      ${size('src/content/index.js')}`);
    console.log(`  annotator (policies only, injected)        ${size('src/content/annotator.js')}`);
    console.log('  the model is never loaded in pages: classification runs in the background');
  } finally {
    await session.close().catch(() => undefined);
    await server.close();
  }
}
