/**
 * Memory in real Chromium (issue 5): the JavaScript heap Fineprint adds to a page showing a long
 * policy (the page's isolate holds the page's world and our content script's isolated world, so
 * the difference from a browser without the extension is ours), the service worker's heap, and
 * both after 1, 10, 25 and 50 policy loads in one tab, each reading taken after a forced garbage
 * collection, to show that nothing accumulates. Needs `npm run build` (dist/) and Chromium.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/harness/chromium';
import { DIST_DIR, launchWithExtension, waitForAnalysis } from '../../tests/harness/extension';
import { copyDist } from '../../tests/harness/dist-copy';
import { startFixtureServer, type FixtureServer } from '../../tests/harness/server';
import { longPolicyHtml } from '../../tests/harness/pages';

export const title = 'Memory: JS heap added by Fineprint, and after 50 page loads';

const CHECKPOINTS = [1, 10, 25, 50];
const MB = 1024 * 1024;

/** Heap of the page's renderer isolate after a full garbage collection, in bytes. */
async function pageHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * A DevTools session on the extension's service worker, reached through a page's session (the
 * persistent context exposes no browser-level session): commands go through
 * Target.sendMessageToTarget and answers come back as events.
 */
async function workerSession(cdp: CDPSession, extensionId: string) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!sw) return null;
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: sw.targetId,
    flatten: false,
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, resolve);
      setTimeout(() => reject(new Error(`${method}: no answer from the service worker`)), 10_000);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  return {
    async heap(): Promise<number> {
      await send('HeapProfiler.collectGarbage');
      const result = (await send('Runtime.getHeapUsage')) as { usedSize: number };
      return result.usedSize;
    },
  };
}

interface Readings {
  longPolicy: number;
  workerAfterLong: number | null;
  loads: { load: number; page: number; worker: number | null }[];
}

const POLICY_PAGES = [
  '/pages/sample-policy.html',
  '/bench/long-3000.html',
  '/pages/de-datenschutz.html',
];

async function measure(
  context: BrowserContext,
  server: FixtureServer,
  extensionId: string | null,
): Promise<Readings> {
  const settle = async (page: Page) => {
    if (extensionId) await waitForAnalysis(page, 30_000).catch(() => undefined);
    else await page.waitForTimeout(300);
    await page.waitForTimeout(300);
  };
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.goto(server.url('/bench/long-10000.html'));
  await settle(page);
  const worker = extensionId ? await workerSession(cdp, extensionId) : null;
  const readings: Readings = {
    longPolicy: await pageHeap(cdp),
    workerAfterLong: worker ? await worker.heap() : null,
    loads: [],
  };
  for (let load = 1; load <= CHECKPOINTS[CHECKPOINTS.length - 1]!; load++) {
    await page.goto(server.url(`${POLICY_PAGES[load % POLICY_PAGES.length]!}?load=${load}`));
    await settle(page);
    if (CHECKPOINTS.includes(load)) {
      readings.loads.push({
        load,
        page: await pageHeap(cdp),
        worker: worker ? await worker.heap() : null,
      });
    }
  }
  await page.close();
  return readings;
}

const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / MB).toFixed(2)} MB`);
const delta = (a: number, b: number) => `${a - b >= 0 ? '+' : ''}${((a - b) / MB).toFixed(2)} MB`;

export async function run(): Promise<void> {
  if (!existsSync(join(DIST_DIR, 'manifest.json'))) {
    console.log('dist/ is missing: run `npm run build` first. Skipped.');
    return;
  }
  const server = await startFixtureServer();
  server.route('/bench/long-10000.html', longPolicyHtml(10_000));
  server.route('/bench/long-3000.html', longPolicyHtml(3000));

  const dist = copyDist();
  const session = await launchWithExtension({ extensionDir: dist.dir });
  let withExt: Readings;
  try {
    withExt = await measure(session.context, server, session.extensionId);
  } finally {
    await session.close();
    dist.remove();
  }

  const userDataDir = mkdtempSync(join(tmpdir(), 'fineprint-bench-'));
  const plain = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_FLAGS,
  });
  let without: Readings;
  try {
    without = await measure(plain, server, null);
  } finally {
    await plain.close();
    rmSync(userDataDir, { recursive: true, force: true });
    await server.close();
  }

  console.log(
    'JS heap after forced GC (Runtime.getHeapUsage on the page, and on the service worker)',
  );
  console.log(
    `${'page'.padEnd(34)}${'without'.padStart(12)}${'with'.padStart(12)}${'added'.padStart(12)}${'worker'.padStart(12)}`,
  );
  console.log(
    `${'long policy (10,000 words)'.padEnd(34)}${mb(without.longPolicy).padStart(12)}${mb(withExt.longPolicy).padStart(12)}` +
      `${delta(withExt.longPolicy, without.longPolicy).padStart(12)}${mb(withExt.workerAfterLong).padStart(12)}`,
  );
  for (let i = 0; i < withExt.loads.length; i++) {
    const w = withExt.loads[i]!;
    const o = without.loads[i]!;
    console.log(
      `${`after load ${w.load} (same tab)`.padEnd(34)}${mb(o.page).padStart(12)}${mb(w.page).padStart(12)}` +
        `${delta(w.page, o.page).padStart(12)}${mb(w.worker).padStart(12)}`,
    );
  }
  const first = withExt.loads[0]!;
  const last = withExt.loads[withExt.loads.length - 1]!;
  console.log(
    `growth from load 1 to load ${last.load}: page ${delta(last.page, first.page)}` +
      (first.worker !== null && last.worker !== null
        ? `, service worker ${delta(last.worker, first.worker)}`
        : ''),
  );
}
