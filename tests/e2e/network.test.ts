/**
 * Issue 5, "no data leaves the machine": records every request the browser makes while Fineprint
 * analyses several pages and its popup is used, from four independent vantage points, and fails
 * on any request from the extension or to anywhere but the local fixture server:
 * 1. Playwright's request events for every page, frame and worker of the context;
 * 2. the DevTools Network domain inside the extension's service worker;
 * 3. Chromium's own net log (`--log-net-log`), which sees every request of the network stack;
 * 4. the fixture server's log, which must hold only the pages the test opened.
 * A final case proves the recorder works: a request made from the content script's world is seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST_DIR,
  launchWithExtension,
  waitForAnalysis,
  type ExtensionSession,
} from '../harness/extension';
import { startFixtureServer, type FixtureServer } from '../harness/server';
import { copyDist } from '../harness/dist-copy';
import { highlightCounts } from '../harness/session-helpers';
import { longPolicyHtml } from '../harness/pages';

interface Seen {
  url: string;
  source: string;
}

let server: FixtureServer;
let session: ExtensionSession;
let dist: ReturnType<typeof copyDist>;
let logDir: string;
let netLog: string;
const seen: Seen[] = [];
const workerRequests: Seen[] = [];
const extensionTargets: string[] = [];
let watcher: CDPSession;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/pages/long-policy.html', longPolicyHtml(10_000));
  dist = copyDist();
  logDir = mkdtempSync(join(tmpdir(), 'fineprint-netlog-'));
  netLog = join(logDir, 'netlog.json');
  session = await launchWithExtension({
    extensionDir: dist.dir,
    args: [`--log-net-log=${netLog}`],
  });
  session.context.on('request', (request) => {
    const worker = request.serviceWorker();
    let source: string;
    if (worker) source = `service worker ${worker.url()}`;
    else if (request.isNavigationRequest()) source = 'navigation';
    else {
      try {
        source = `frame ${request.frame().url()}`;
      } catch {
        source = 'no frame';
      }
    }
    seen.push({ url: request.url(), source });
  });
  await watchServiceWorker();
});

afterAll(async () => {
  await session?.close().catch(() => undefined);
  await server?.close();
  dist?.remove();
  if (logDir && !process.env.KEEP_NETLOG) rmSync(logDir, { recursive: true, force: true });
  if (process.env.KEEP_NETLOG) console.log('net log kept at', netLog);
});

/**
 * Attaches DevTools to the extension's service worker (through a page's session, since the
 * persistent context exposes no browser session) and records its network requests; any other
 * extension target that appears (offscreen document, background page) is recorded too.
 */
async function watchServiceWorker(): Promise<void> {
  const page = await session.context.newPage();
  watcher = await session.context.newCDPSession(page);
  const attach = async (targetId: string) => {
    const { sessionId } = await watcher.send('Target.attachToTarget', { targetId, flatten: false });
    await watcher.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }),
    });
  };
  watcher.on('Target.receivedMessageFromTarget', ({ message }) => {
    const parsed = JSON.parse(message) as {
      method?: string;
      params?: { request?: { url: string }; initiator?: { type: string } };
    };
    if (parsed.method === 'Network.requestWillBeSent' && parsed.params?.request) {
      workerRequests.push({ url: parsed.params.request.url, source: 'service worker (DevTools)' });
    }
  });
  watcher.on('Target.targetCreated', ({ targetInfo }) => {
    if (!targetInfo.url.startsWith(`chrome-extension://${session.extensionId}/`)) return;
    if (targetInfo.type === 'service_worker')
      void attach(targetInfo.targetId).catch(() => undefined);
    else if (targetInfo.type !== 'page')
      extensionTargets.push(`${targetInfo.type} ${targetInfo.url}`);
  });
  await watcher.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await watcher.send('Target.getTargets');
  const sw = targetInfos.find(
    (t) =>
      t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`),
  );
  if (!sw) throw new Error('the extension has no service worker');
  await attach(sw.targetId);
}

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(server.url(path));
  return page;
}

const ownResource = () => `chrome-extension://${session.extensionId}/`;

/** True for requests that stay inside the machine and are not made by the extension on its own. */
function allowed(url: string): boolean {
  return (
    url.startsWith(`${server.origin}/`) ||
    url.startsWith(ownResource()) ||
    url.startsWith('data:') ||
    url.startsWith('about:')
  );
}

interface NetLogRequest {
  url: string;
  /** The origin that asked for it, or "not an origin" for the browser's own services. */
  initiator: string;
}

/** Every URL request in Chromium's net log (JSON, complete once the browser has exited). */
function netLogRequests(file: string): NetLogRequest[] {
  let text = readFileSync(file, 'utf8').trim();
  // A log cut short by a crash lacks its closing brackets; take the events it has.
  if (!text.endsWith('}')) text = text.replace(/,\s*$/, '') + ']}';
  const log = JSON.parse(text) as {
    constants: { logEventTypes: Record<string, number> };
    events: {
      type: number;
      source: { id: number };
      params?: { url?: string; initiator?: string };
    }[];
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const out: NetLogRequest[] = [];
  for (const e of log.events) {
    if (e.type !== startJob || typeof e.params?.url !== 'string') continue;
    out.push({ url: e.params.url, initiator: e.params.initiator ?? 'none' });
  }
  return out;
}

describe('no data leaves the machine', () => {
  it('analyses several policies, a non-policy page and opens the popup', async () => {
    const sample = await open('/pages/sample-policy.html');
    await waitForAnalysis(sample, 30_000);
    const long = await open('/pages/long-policy.html');
    await waitForAnalysis(long, 30_000);
    const spa = await open('/pages/spa-policy.html');
    await waitForAnalysis(spa, 30_000);
    await spa.evaluate(() => (window as unknown as { goToShop(): void }).goToShop());
    await expect.poll(async () => (await highlightCounts(spa)).any, { timeout: 10_000 }).toBe(0);
    const iframe = await open('/pages/iframe-host.html');
    await expect
      .poll(() => iframe.frameLocator('#policy-frame').locator('fp-mark').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const news = await open('/pages/news-article.html');
    await news.waitForTimeout(1000);

    const popup = await session.openPopup(sample);
    await popup.getByTestId('flagged-count').waitFor({ timeout: 20_000 });
    await popup.getByTestId('categories').waitFor({ timeout: 20_000 });
    const policyPopup = await session.openPopup(news);
    await policyPopup.getByTestId('not-policy').waitFor({ timeout: 20_000 });
    await policyPopup.getByTestId('find-policy').click();
    await policyPopup.waitForTimeout(500);
    for (const p of [popup, policyPopup, sample, long, spa, iframe, news]) await p.close();
  }, 120_000);

  it('saw no request from the extension and none to any other origin', async () => {
    // Playwright's view: pages, frames, workers of the whole context.
    expect(seen.length).toBeGreaterThan(5);
    const outside = seen.filter((s) => !allowed(s.url));
    expect(outside).toEqual([]);
    // Only pages (navigations, and documents of the fixture origin) request the fixture origin;
    // the extension never does, from any context.
    const byExtension = seen.filter(
      (s) =>
        s.url.startsWith(server.origin) &&
        s.source !== 'navigation' &&
        !s.source.startsWith(`frame ${server.origin}`),
    );
    expect(byExtension).toEqual([]);

    // The service worker's own view: nothing but its own files.
    expect(workerRequests.filter((r) => !r.url.startsWith(ownResource()))).toEqual([]);
    expect(extensionTargets).toEqual([]);

    // The fixture server received only what the pages themselves load.
    const expected = new Set([
      '/pages/sample-policy.html',
      '/pages/long-policy.html',
      '/pages/spa-policy.html',
      '/pages/iframe-host.html',
      '/pages/news-article.html',
      '/favicon.ico',
    ]);
    expect(server.requests.filter((path) => !expected.has(path))).toEqual([]);

    // Chromium's net log, complete once the browser has exited: every request of the network
    // stack. A request made by the extension carries its origin (service worker, popup) or the
    // page's (content script) as initiator; the browser's own services (account cookies,
    // component updates) have none, are not the extension's and are only listed.
    await session.close();
    expect(existsSync(netLog)).toBe(true);
    const requests = netLogRequests(netLog);
    expect(requests.filter((r) => r.url.startsWith(server.origin)).length).toBeGreaterThan(5);
    const fromOrigins = requests.filter(
      (r) => r.initiator !== 'not an origin' && r.initiator !== 'none',
    );
    expect(
      fromOrigins.filter((r) => !allowed(r.url) || r.initiator.startsWith('chrome-extension:')),
    ).toEqual([]);
    const browserOwn = requests.filter((r) => !allowed(r.url) && !fromOrigins.includes(r));
    if (browserOwn.length > 0) {
      console.log(
        `requests by Chromium's own services (not the extension): ${[...new Set(browserOwn.map((r) => new URL(r.url).origin + new URL(r.url).pathname))].join(', ')}`,
      );
    }
  });
});

describe('the recorder itself', () => {
  it('notices a request made from the content script world (a planted leak)', async () => {
    const canaryDist = copyDist();
    const canary = await launchWithExtension({ extensionDir: canaryDist.dir });
    try {
      const page = await canary.context.newPage();
      const cdp = await canary.context.newCDPSession(page);
      const worlds: { id: number; origin: string }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) =>
        worlds.push({ id: context.id, origin: context.origin }),
      );
      await cdp.send('Runtime.enable');
      await page.goto(server.url('/pages/sample-policy.html'));
      await waitForAnalysis(page, 30_000);
      const world = worlds.find((w) => w.origin.startsWith('chrome-extension://'));
      expect(world).toBeDefined();
      const before = server.requests.length;
      await cdp.send('Runtime.evaluate', {
        contextId: world!.id,
        expression: `fetch(${JSON.stringify(server.url('/leak?data=secret'))}).then(() => 1, () => 0)`,
        awaitPromise: true,
      });
      const leaked = server.requests.slice(before);
      expect(leaked).toContain('/leak');
    } finally {
      await canary.close();
      canaryDist.remove();
    }
  }, 90_000);
});

describe('the built extension cannot reach the network', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
    );

  it('asks for no host access, allows no remote code and no connections', () => {
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // Nothing that observes, redirects or makes requests, reads cookies or history, or talks
    // to native code; host access no wider than the pages the content script runs on.
    const powerful = [
      'webRequest',
      'webRequestBlocking',
      'declarativeNetRequest',
      'proxy',
      'cookies',
      'history',
      'downloads',
      'debugger',
      'nativeMessaging',
      'management',
      'webNavigation',
      'offscreen',
      'identity',
      'clipboardRead',
    ];
    const permissions = (manifest.permissions as string[] | undefined) ?? [];
    expect(permissions.filter((p) => powerful.includes(p))).toEqual([]);
    const matches = (manifest.content_scripts as { matches: string[] }[]).flatMap((c) => c.matches);
    for (const host of (manifest.host_permissions as string[] | undefined) ?? []) {
      expect(matches).toContain(host);
    }
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('ships no code that evaluates strings, opens connections or listens to page messages', () => {
    const scripts = files(DIST_DIR).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    const forbidden = [
      /\beval\(/,
      /new Function\(/,
      /\bfetch\(/,
      /XMLHttpRequest/,
      /WebSocket/,
      /sendBeacon/,
      /EventSource/,
      /importScripts/,
      /addEventListener\(\s*["'`]message["'`]/,
      /\bonmessage\s*=/,
      /insertAdjacentHTML/,
    ];
    const found: string[] = [];
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      for (const pattern of forbidden) if (pattern.test(code)) found.push(`${file}: ${pattern}`);
      // innerHTML only in Preact's own runtime (its dangerouslySetInnerHTML, which we never use).
      if (/innerHTML/.test(code) && !/jsxRuntime/.test(file)) found.push(`${file}: innerHTML`);
    }
    expect(found).toEqual([]);
  });
});
