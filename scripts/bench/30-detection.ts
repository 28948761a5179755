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
    format: 'iife',
    write: false,
    target: 'chrome110',
  });
  return result.outputFiles[0]?.text ?? '';
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
    for (let p = 0; p < 8; p++) blocks.push(`<p>${sentence(s * 10 + p, 50)}</p>`);
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
      pages.set(label.url, readFileSync(DETECTION_DIR + label.file, 'utf8'));
    await page.route('**/*', (route) => {
      const body = pages.get(route.request().url().replace(/#.*$/, ''));
      return body === undefined
        ? route.fulfill({ status: 404, body: '' })
        : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });

    async function measure(url: string, what: 'detect' | 'segment', runs: number) {
      await page.goto(url);
      await page.addScriptTag({ content: script });
      return page.evaluate(
        ({ what, runs }) => {
          const fp = (globalThis as unknown as { __fp: Record<string, (d: Document) => unknown> })
            .__fp;
          void document.body.offsetHeight; // Layout is done at document_idle; do it before timing.
          const fn = what === 'detect' ? fp.detectPolicy : fp.segmentPage;
          const times: number[] = [];
          let result: unknown;
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            result = fn!(document);
            times.push(performance.now() - t0);
          }
          const summary = Array.isArray(result)
            ? `${result.length} segments`
            : `isPolicy=${(result as { isPolicy: boolean }).isPolicy}`;
          return {
            first: times[0] ?? 0,
            times,
            summary,
            bytes: document.documentElement.outerHTML.length,
          };
        },
        { what, runs },
      );
    }

    const rows: Record<string, string | number>[] = [];
    for (const [name, url, what] of [
      ['10k-word policy', 'https://bench.test/privacy', 'segment'],
      ['10k-word policy', 'https://bench.test/privacy', 'detect'],
      ['2 MB forum page', 'https://bench.test/forum/apple-cake', 'detect'],
    ] as const) {
      const r = await measure(url, what, 15);
      rows.push({
        page: name,
        size: `${(r.bytes / 1024).toFixed(0)} KiB`,
        call: what === 'detect' ? 'detectPolicy' : 'segmentPage',
        result: r.summary,
        'first ms': r.first.toFixed(2),
        'median ms': median(r.times).toFixed(2),
      });
    }
    console.table(rows);

    const firsts: number[] = [];
    const medians: number[] = [];
    for (const label of loadLabels()) {
      const r = await measure(label.url, 'detect', 5);
      firsts.push(r.first);
      medians.push(median(r.times));
    }
    console.log(
      `detectPolicy on ${firsts.length} fixture pages: first call median ${median(firsts).toFixed(2)} ms, ` +
        `max ${Math.max(...firsts).toFixed(2)} ms; warm median ${median(medians).toFixed(2)} ms`,
    );
  } finally {
    await browser.close();
  }
}
