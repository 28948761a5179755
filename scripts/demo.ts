/**
 * Shows Fineprint at work on the bundled sample policy (tests/fixtures/pages/sample-policy.html).
 * With a display: opens Chromium with the extension loaded on that page and waits until the window
 * is closed. Without one (CI, SSH) or with --headless: writes screenshots of the annotated page and
 * of the popup (light and dark) plus a JSON summary to out/demo/ and says where.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFixtureServer } from '../tests/harness/server';
import { launchWithExtension, waitForAnalysis } from '../tests/harness/extension';

const OUT_DIR = resolve('out/demo');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY || !!process.env.CI;
if (headless) process.env.HEADED = '';
else process.env.HEADED = '1';

const server = await startFixtureServer();
const session = await launchWithExtension();
try {
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(server.url('/pages/sample-policy.html'));
  await waitForAnalysis(page);

  if (!headless) {
    console.log('Chromium is open on the sample policy with Fineprint loaded.');
    console.log('Click the Fineprint toolbar icon (puzzle piece → pin) to see the popup.');
    console.log('Close the browser window to finish.');
    await new Promise<void>((done) => session.context.on('close', () => done()));
  } else {
    mkdirSync(OUT_DIR, { recursive: true });
    await page.waitForTimeout(300);
    const files = [`${OUT_DIR}/page.png`, `${OUT_DIR}/page-full.png`];
    await page.screenshot({ path: files[0] });
    await page.screenshot({ path: files[1], fullPage: true });
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await session.openPopup(page, { colorScheme: scheme });
      await popup.getByTestId('risk-level').waitFor();
      const file = `${OUT_DIR}/popup-${scheme}.png`;
      await popup.screenshot({ path: file, fullPage: true });
      files.push(file);
      await popup.close();
    }
    const tabId = await session.tabIdOf(page);
    const worker = await session.worker();
    const state = await worker.evaluate(
      async (key) => (await chrome.storage.session.get(key))[key],
      `tab:${tabId}`,
    );
    const summary = {
      page: server.url('/pages/sample-policy.html'),
      highlightedParagraphs: await page.locator('[data-fp-cat]').count(),
      sensitivePhrases: await page.locator('fp-mark[data-fp-type]').count(),
      state,
    };
    const json = `${OUT_DIR}/summary.json`;
    writeFileSync(json, JSON.stringify(summary, null, 2));
    files.push(json);
    console.log('Fineprint demo (headless): the sample policy was analysed in real Chromium.');
    console.log(
      `  ${summary.highlightedParagraphs} paragraphs carry category highlights, ` +
        `${summary.sensitivePhrases} sensitive-data phrases are marked.`,
    );
    console.log('Output written to:');
    for (const f of files) console.log(`  ${f}`);
  }
} finally {
  await session.close().catch(() => undefined);
  await server.close();
}
