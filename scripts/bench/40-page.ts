/**
 * Page cost in real Chromium (issue 3): how long Fineprint takes to annotate a 10,000-word policy,
 * the longest main-thread task while it does, and what a page that is not a policy pays. Figures
 * come from the content script's own timings (read through the extension, as the popup does),
 * long tasks observed in the page, and CDP script-time metrics with and without the extension.
 */
import { chromium, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, DIST_DIR } from '../../tests/harness/extension';
import { startFixtureServer } from '../../tests/harness/server';
import { longPolicyHtml } from '../../tests/harness/pages';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/harness/chromium';
import type { PageTimings } from '../../src/core/messages';

export const title = 'Page cost in real Chromium (content script + background)';

const RUNS = 7;
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

async function scriptDuration(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

export async function run(): Promise<void> {
  const server = await startFixtureServer();
  server.route('/bench/long-policy.html', longPolicyHtml(10_000));
  const session = await launchWithExtension();
  try {
    await session.context.addInitScript(LONG_TASK_OBSERVER);
    const results: (PageTimings & { longestTask: number })[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await session.context.newPage();
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
    console.log(`  fully annotated after         ${fmt(pick('totalMs'))} ms   (budget 150 ms)`);
    console.log(
      `  longest highlighting slice    ${fmt(pick('longestSliceMs'))} ms   (budget 50 ms)`,
    );
    console.log(
      `  longest task seen in page     ${fmt(pick('longestTask'))} ms   (any task > 50 ms is a long task; 0 = none)`,
    );

    // A page that is not a policy: detection only.
    const detect: number[] = [];
    const withExt: number[] = [];
    for (let i = 0; i < NON_POLICY_RUNS; i++) {
      const page = await session.context.newPage();
      await page.goto(server.url(`/pages/news-article.html?run=${i}`));
      await page.waitForTimeout(300);
      const status = await session.contentStatus(page);
      if (status?.timings) detect.push(status.timings.detectMs);
      withExt.push(await scriptDuration(page));
      await page.close();
    }
    await session.close();

    const userDataDir = mkdtempSync(join(tmpdir(), 'fineprint-bench-'));
    const plain = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const without: number[] = [];
    for (let i = 0; i < NON_POLICY_RUNS; i++) {
      const page = await plain.newPage();
      await page.goto(server.url(`/pages/news-article.html?run=${i}`));
      await page.waitForTimeout(300);
      without.push(await scriptDuration(page));
      await page.close();
    }
    await plain.close();
    rmSync(userDataDir, { recursive: true, force: true });

    const contentScript = readFileSync(join(DIST_DIR, 'src/content/index.js'));
    console.log(`Page that is not a policy (news article), median of ${NON_POLICY_RUNS} loads:`);
    console.log(
      `  detection (content script's own measure)  ${fmt(median(detect))} ms   (budget 2 ms)`,
    );
    console.log(
      `  page script time with / without extension  ${fmt(median(withExt))} / ${fmt(median(without))} ms` +
        `  → added ≈ ${fmt(median(withExt) - median(without))} ms (includes parsing the content script)`,
    );
    console.log(
      `  content script size                        ${(statSync(join(DIST_DIR, 'src/content/index.js')).size / 1024).toFixed(1)} KiB` +
        ` (${(gzipSync(contentScript).length / 1024).toFixed(1)} KiB gzipped); the model is never loaded in pages`,
    );
  } finally {
    await session.close().catch(() => undefined);
    await server.close();
  }
}
