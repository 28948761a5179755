/**
 * Main-thread cost of detection and segmentation in real Chromium (issue 3 budgets: detection
 * at most 2 ms on a page that is not a policy, segmentation of a 10,000-word policy under 10 ms).
 * The modules are bundled with esbuild and run in the page; timings are taken inside the page
 * after a first layout, as at document_idle. Also times detection on every detection fixture.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/harness/chromium';
import { DETECTION_DIR, loadLabels } from '../../tests/fixtures/detection/fixtures';

export const title = 'Detection and segmentation cost in Chromium';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { detectPolicy } from './src/content/detect';
        import { segmentPage } from './src/content/segment';
        (globalThis as any).__fp = { detectPolicy, segmentPage };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    target: 'chrome110',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return `globalThis.__fpT0 = performance.now();${code};globalThis.__fpInitMs = performance.now() - globalThis.__fpT0;`;
}

const WORDS =
  'we collect personal information such as your name email address device identifiers and usage data to provide the service share it with service providers retain it for as long as needed and you may opt out or request deletion at any time under applicable law'.split(
    ' ',
  );

function sentence(i: number, words: number): string {
  const out: string[] = [];
  for (let k = 0; k < words; k++) out.push(WORDS[(i * 7 + k * 3) % WORDS.length] as string);
  return out.join(' ') + '.';
}

/** A 10,000-word policy: 20 sections of 10 paragraphs and lists of ~50 words, with site chrome. */
function bigPolicy(): string {
  const sections: string[] = [];
  for (let s = 0; s < 20; s++) {
    const blocks = [`<h2>Section ${s + 1}: information we collect</h2>`];
    for (let p = 0; p < 8; p++) blocks.push(`<p>${sentence(s * 10 + p, 56)}</p>`);
    blocks.push(`<ul><li>${sentence(s, 25)}</li><li>${sentence(s + 1, 25)}</li></ul>`);
    sections.push(`<section>${blocks.join('')}</section>`);
  }
  const nav = Array.from(
    { length: 60 },
    (_, i) => `<li><a href="/c/${i}">Category ${i}</a></li>`,
  ).join('');
  return `<!doctype html><html><head><title>Privacy Policy | Bench</title></head><body>
    <header><nav><ul>${nav}</ul></nav></header>
    <div id="onetrust-banner-sdk" style="position:fixed;bottom:0">We use cookies. Accept all.</div>
    <main><h1>Privacy Policy</h1>${sections.join('')}</main>
    <footer><ul>${nav}</ul></footer></body></html>`;
}

/** A ~2 MB page that is not a policy: a long forum thread with heavy markup. */
function hugeForum(): string {
  const posts: string[] = [];
  for (let i = 0; i < 2600; i++) {
    posts.push(
      `<div class="post" id="p${i}"><div class="meta"><a class="user" href="/u/${i}">user_${i}</a> <span class="time">${i} minutes ago</span></div>` +
        `<div class="body"><p>I tried the recipe with ${i % 7} apples and baked it for ${40 + (i % 15)} minutes. It came out great, but next time I will add more cinnamon and a little less sugar to balance it.</p>` +
        `<p>Has anyone tried it with pears instead? My family loved it either way and asked for seconds.</p></div>` +
        `<div class="actions"><button>Reply</button><button>Like</button><button>Share</button><button>Report</button></div></div>`,
    );
  }
  return `<!doctype html><html><head><title>Apple cake thread – Baking Forum</title></head><body>
    <header><nav><a href="/">Forum</a> <a href="/baking">Baking</a></nav></header>
    <main><h1>Grandma's apple cake: your variations</h1>${posts.join('')}</main>
    <footer><a href="/privacy">Privacy</a></footer></body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<void> {
  const script = await bundle();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const pages = new Map<string, string>([
      ['https://bench.test/privacy', bigPolicy()],
      ['https://bench.test/forum/apple-cake', hugeForum()],
    ]);
    for (const label of loadLabels())
      pages.set(label.url.replace(/#.*$/, ''), readFileSync(DETECTION_DIR + label.file, 'utf8'));
    await page.route('**/*', (route) => {
      const body = pages.get(route.request().url().replace(/#.*$/, ''));
      return body === undefined
        ? route.fulfill({ status: 404, body: '' })
        : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });

    /**
     * Loads `url` afresh `loads` times; each time injects the bundle (timing its evaluation, which
     * a content script pays on every page), lays the page out, then calls `what` `runs` times.
     * The first call of each load is the one a content script pays; later calls are warm.
     */
    async function measure(url: string, what: 'detect' | 'segment', loads: number, runs: number) {
      const firsts: number[] = [];
      const inits: number[] = [];
      const warm: number[] = [];
      let summary = '';
      let bytes = 0;
      for (let l = 0; l < loads; l++) {
        await page.goto(url);
        await page.evaluate('void document.body.offsetHeight');
        await page.addScriptTag({ content: script });
        // A string, not a function: tsx would add helpers the page does not have.
        const r = (await page.evaluate(`(() => {
          const fp = globalThis.__fp;
          void document.body.offsetHeight;
          const fn = ${what === 'detect' ? 'fp.detectPolicy' : 'fp.segmentPage'};
          const times = [];
          let result;
          for (let i = 0; i < ${runs}; i++) {
            const t0 = performance.now();
            result = fn(document);
            times.push(performance.now() - t0);
          }
          const summary = Array.isArray(result) ? result.length + ' segments' : 'isPolicy=' + result.isPolicy;
          return { init: globalThis.__fpInitMs, times, summary, bytes: document.documentElement.outerHTML.length };
        })()`)) as { init: number; times: number[]; summary: string; bytes: number };
        inits.push(r.init);
        firsts.push(r.times[0] ?? 0);
        warm.push(...r.times.slice(1));
        summary = r.summary;
        bytes = r.bytes;
      }
      return { init: median(inits), first: median(firsts), warm: median(warm), summary, bytes };
    }

    const rows: Record<string, string | number>[] = [];
    for (const [name, url, what] of [
      ['10k-word policy', 'https://bench.test/privacy', 'segment'],
      ['10k-word policy', 'https://bench.test/privacy', 'detect'],
      ['2 MB forum page', 'https://bench.test/forum/apple-cake', 'detect'],
    ] as const) {
      const r = await measure(url, what, 7, 10);
      rows.push({
        page: name,
        size: `${(r.bytes / 1024).toFixed(0)} KiB`,
        call: what === 'detect' ? 'detectPolicy' : 'segmentPage',
        result: r.summary,
        'first call ms': r.first.toFixed(2),
        'warm ms': r.warm.toFixed(2),
        'bundle eval ms': r.init.toFixed(2),
      });
    }
    console.log(
      'Medians over 7 fresh loads (first call = what a content script pays once per page):',
    );
    console.table(rows);

    const firsts: number[] = [];
    const policyFirsts: number[] = [];
    for (const label of loadLabels()) {
      const r = await measure(label.url, 'detect', 3, 3);
      (label.isPolicy ? policyFirsts : firsts).push(r.first);
    }
    console.log(
      `detectPolicy first call on the fixtures: non-policies median ${median(firsts).toFixed(2)} ms, ` +
        `max ${Math.max(...firsts).toFixed(2)} ms; policies median ${median(policyFirsts).toFixed(2)} ms, ` +
        `max ${Math.max(...policyFirsts).toFixed(2)} ms`,
    );
    const load = (await import('node:os')).loadavg()[0] ?? 0;
    console.log(
      `(machine load average ${load.toFixed(1)}; timings on a busy machine vary several-fold)`,
    );
  } finally {
    await browser.close();
  }
}
