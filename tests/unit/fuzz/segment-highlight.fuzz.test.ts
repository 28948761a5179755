// @vitest-environment happy-dom
/**
 * Fuzzing segmentation and highlighting (issue 5): seeded random, often malformed HTML (unclosed
 * and stray tags, deep nesting, tables in lists, entities, RTL/CJK/emoji, runs of whitespace,
 * script/style/template/svg, comments, `data-fp-*` lookalike attributes) is parsed into the
 * document, segmented, and highlighted with synthetic analyses (random valid spans on each
 * segment's text: this checks DOM invariants, not the classifier). For every case: nothing
 * throws, every mark sits inside a segment's element and covers text of a requested phrase, and
 * `clear()` restores the document exactly.
 */
import { describe, expect, it } from 'vitest';
import { segmentPage, type Segment } from '../../../src/content/segment';
import { Highlighter, type AnalysedSegment } from '../../../src/content/highlight/highlighter';
import {
  CATEGORY_IDS,
  SENSITIVE_IDS,
  type CategoryId,
  type SensitiveId,
} from '../../../src/core/taxonomy';
import type { ParagraphAnalysis, SensitiveSpan } from '../../../src/core/types';
import { mulberry32 } from '../../../scripts/train/random';

const CASES = Number(process.env.FUZZ_CASES ?? 200);
const SEED = 0x5eed_f1e;

// mulberry32, the training scripts' seeded PRNG: reproducible inputs run to run.
const prng = mulberry32;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = [
  'we',
  'collect',
  'your',
  'IMEI',
  'precise',
  'GPS',
  'location',
  'and',
  'share',
  'it',
  'with',
  'advertising',
  'partners',
  'Privacy',
  'Policy',
  'data',
  'İstanbul',
  'ẞtraße',
  'ǅemal',
  '个人信息',
  '位置信息',
  '设备标识符',
  'بياناتك',
  'الشخصية',
  'שלום',
  '📱',
  '👩🏽‍💻',
  'é',
  'ñ',
  '&amp;',
  '&lt;b&gt;',
  '&nbsp;',
  '&#x1F600;',
  '&copy;',
  '&',
  '<',
  '>',
  '"quoted"',
  "it's",
  '\u200b',
  '\u00a0',
  '\u200f',
  '\u00ad',
  'ΟΔΟΣ',
  'ﬁle',
  'Ǆ',
];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\t', '\n\n      \n', ' '.repeat(200), '\r\n'];
const BLOCKS = [
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'main',
  'blockquote',
  'td',
  'tr',
  'table',
  'tbody',
  'h1',
  'h2',
  'h3',
  'dd',
  'dl',
  'dt',
  'pre',
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  'details',
  'summary',
  'x-widget',
  'fp-section',
];
const INLINE = [
  'span',
  'b',
  'strong',
  'i',
  'em',
  'a',
  'code',
  'small',
  'sup',
  'label',
  'abbr',
  'q',
];
const OPAQUE = [
  'script',
  'style',
  'template',
  'svg',
  'math',
  'noscript',
  'textarea',
  'button',
  'select',
  'video',
  'canvas',
  'title',
];
const ATTRS = [
  '',
  '',
  '',
  ' class="content"',
  ' hidden',
  ' aria-hidden="true"',
  ' style="display:none"',
  ' style="visibility:hidden"',
  ' contenteditable',
  ' class="fp-tooltip"',
  ' data-fp-ui',
  ' data-fp-id="fp-zzz-0"',
  ' data-fp-cat="third-party-sharing"',
  ' data-fp-new',
  ' data-fp-type="location"',
  ' data-fpx="1"',
  ' data-fp-flash',
  ' role="heading" aria-level="3"',
  ' role="navigation"',
  ' dir="rtl"',
  ' lang="zh"',
  ' id="cookie-banner" role="dialog"',
  ' title="a &amp; b"',
  " data-x='<p>not markup</p>'",
  ' tabindex="0"',
];

function text(r: Rand): string {
  const parts: string[] = [];
  for (let i = int(r, 1, 14); i > 0; i--) {
    parts.push(pick(r, WORDS));
    parts.push(r() < 0.8 ? ' ' : pick(r, SPACES));
  }
  return parts.join('');
}

/** Random markup, sometimes malformed: missing or stray end tags, comments, odd nesting. */
function markup(r: Rand, depth: number): string {
  const out: string[] = [];
  for (let n = int(r, 1, depth > 4 ? 2 : 4); n > 0; n--) {
    const roll = r();
    if (roll < 0.3 || depth > 12) {
      out.push(text(r));
    } else if (roll < 0.55) {
      const tag = pick(r, BLOCKS);
      out.push(`<${tag}${pick(r, ATTRS)}>${markup(r, depth + 1)}${r() < 0.85 ? `</${tag}>` : ''}`);
    } else if (roll < 0.75) {
      const tag = pick(r, INLINE);
      out.push(`<${tag}${pick(r, ATTRS)}>${markup(r, depth + 1)}${r() < 0.9 ? `</${tag}>` : ''}`);
    } else if (roll < 0.8) {
      out.push(pick(r, ['<br>', '<br><br>', '<br/>', '<hr>', '<img alt="x">', '<wbr>']));
    } else if (roll < 0.85) {
      const tag = pick(r, OPAQUE);
      out.push(`<${tag}>${tag === 'svg' ? '<text>svg text here</text>' : text(r)}</${tag}>`);
    } else if (roll < 0.9) {
      out.push(
        pick(r, [
          '<!-- a comment -->',
          '<!-- <p>commented out</p> -->',
          '<!doctype html>',
          '</p>',
          '</div>',
          '</li>',
          '<p',
          '< notatag',
          '&unknown;',
          '<![CDATA[x]]>',
        ]),
      );
    } else if (roll < 0.95) {
      // Deep nesting of the same block.
      const tag = pick(r, ['div', 'span', 'section', 'ul><li']);
      const levels = int(r, 5, 40);
      const close = tag === 'ul><li' ? '</li></ul>' : `</${tag}>`;
      out.push(`<${tag}>`.repeat(levels) + text(r) + close.repeat(int(r, 0, levels)));
    } else {
      out.push(
        `<ul><li><table><tr><td>${text(r)}</td><td>${markup(r, depth + 1)}</td></tr></table></li></ul>`,
      );
    }
  }
  return out.join('');
}

function page(r: Rand): string {
  const htmlAttrs =
    r() < 0.2 ? ' data-fp-show="legacy" data-fp-sensitive=""' : r() < 0.3 ? ' dir="rtl"' : '';
  return `<html${htmlAttrs}><head><title>${text(r)}</title><style>p{color:red}</style></head><body>${markup(r, 0)}</body></html>`;
}

function analysisFor(r: Rand, segment: Segment): ParagraphAnalysis {
  const categories = CATEGORY_IDS.filter(() => r() < 0.15) as CategoryId[];
  const scores = Object.fromEntries(
    CATEGORY_IDS.map((id) => [id, categories.includes(id) ? 0.9 : 0.1]),
  );
  const spans: SensitiveSpan[] = [];
  let at = 0;
  const length = segment.text.length;
  for (let k = int(r, 0, 4); k > 0 && at < length; k--) {
    const start = int(r, at, length - 1);
    const end = Math.min(length, start + int(r, 1, 24));
    if (segment.text.slice(start, end).trim() === '') continue;
    spans.push({ type: pick(r, SENSITIVE_IDS) as SensitiveId, start, end });
    at = end + 1;
  }
  return {
    categories,
    scores: scores as ParagraphAnalysis['scores'],
    sensitive: [...new Set(spans.map((s) => s.type))],
    spans,
  };
}

/**
 * happy-dom's NodeIterator gets `previousNode()` wrong around nodes its filter rejects, and
 * mark.js walks text with `previousNode()`/`nextNode()` pairs, so in happy-dom it loops forever
 * on a paragraph holding excluded UI (`[data-fp-ui]`). Browsers implement the DOM standard; this
 * spec-shaped NodeIterator over the tree-order node list stands in for happy-dom's.
 */
function installSpecNodeIterator(doc: Document): void {
  doc.createNodeIterator = (
    root: Node,
    whatToShow = 0xffffffff,
    filter: NodeFilter | null = null,
  ) => {
    const all: Node[] = [];
    const collect = (n: Node): void => {
      all.push(n);
      for (let c = n.firstChild; c; c = c.nextSibling) collect(c);
    };
    collect(root);
    const accepts = (n: Node): boolean => {
      if (!(whatToShow & (1 << (n.nodeType - 1)))) return false;
      if (!filter) return true;
      const verdict = typeof filter === 'function' ? filter(n) : filter.acceptNode(n);
      return verdict === 1;
    };
    let index = 0;
    let before = true;
    const iterator = {
      root,
      whatToShow,
      filter,
      get referenceNode() {
        return all[index]!;
      },
      get pointerBeforeReferenceNode() {
        return before;
      },
      nextNode(): Node | null {
        let i = index;
        let b = before;
        for (;;) {
          if (b) b = false;
          else if (++i >= all.length) return null;
          if (accepts(all[i]!)) {
            index = i;
            before = false;
            return all[i]!;
          }
        }
      },
      previousNode(): Node | null {
        let i = index;
        let b = before;
        for (;;) {
          if (!b) b = true;
          else if (--i < 0) return null;
          if (accepts(all[i]!)) {
            index = i;
            before = true;
            return all[i]!;
          }
        }
      },
      detach() {},
    };
    return iterator as unknown as NodeIterator;
  };
}

function loadIntoDocument(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.documentElement;
  for (const attr of [...root.attributes]) root.removeAttribute(attr.name);
  for (const attr of [...parsed.documentElement.attributes])
    root.setAttribute(attr.name, attr.value);
  root.replaceChildren(
    ...[...parsed.documentElement.childNodes].map((n) => document.importNode(n, true)),
  );
}

/** Whitespace-collapsed, lower-cased text, for comparing a mark with the phrase it came from. */
function fold(s: string): string {
  return s.replace(/[\s\u200b]+/g, ' ').toLowerCase();
}

describe('segmentation + highlighting fuzz', () => {
  it(`keeps every invariant on ${CASES} random malformed pages`, async () => {
    installSpecNodeIterator(document);
    const started = Date.now();
    let segmentsSeen = 0;
    let marksSeen = 0;
    let segmentMs = 0;
    for (let c = 0; c < CASES; c++) {
      if (process.env.FUZZ_DEBUG) process.stderr.write(`case ${c}\n`);
      const r = prng(SEED + c);
      const html = page(r);
      loadIntoDocument(html);
      const before = document.documentElement.outerHTML;
      const context = `case ${c} (seed ${SEED + c})`;

      const t0 = performance.now();
      const segments = segmentPage(document);
      segmentMs += performance.now() - t0;
      segmentsSeen += segments.length;
      for (const s of segments) {
        expect(s.element.isConnected, context).toBe(true);
        expect(s.text.trim(), context).not.toBe('');
      }
      const items: AnalysedSegment[] = segments.map((segment) => ({
        segment,
        analysis: analysisFor(r, segment),
      }));
      if (process.env.FUZZ_DEBUG) process.stderr.write(`segmented ${segments.length}\n`);
      const highlighter = new Highlighter(document);
      await highlighter.apply(
        items,
        { categories: new Set(CATEGORY_IDS), sensitive: new Set(SENSITIVE_IDS) },
        new Set(segments.filter(() => r() < 0.1).map((s) => s.id)),
      );

      if (process.env.FUZZ_DEBUG) process.stderr.write(`applied\n`);
      // Every mark is ours, inside a segment's element, on text of a phrase asked for there.
      const owners = new Map<Element, string[]>();
      for (const { segment, analysis } of items) {
        const phrases = owners.get(segment.element) ?? [];
        for (const span of analysis.spans)
          phrases.push(fold(segment.text.slice(span.start, span.end)));
        owners.set(segment.element, phrases);
      }
      for (const mark of document.querySelectorAll('fp-mark')) {
        marksSeen++;
        // Segments nest (a list item holding its own text and a nested list), so the phrase may
        // belong to any segment element around the mark.
        const phrases: string[] = [];
        for (let owner = mark.parentElement; owner; owner = owner.parentElement) {
          phrases.push(...(owners.get(owner) ?? []));
        }
        expect(owners.size > 0 && mark.closest('*') !== null, context).toBe(true);
        expect(phrases.length, `${context}: mark outside every segment`).toBeGreaterThan(0);
        const markText = fold(mark.textContent ?? '').trim();
        expect(
          phrases.some((p) => p.includes(markText)),
          `${context}: mark "${markText}" is not part of any phrase around it: ${JSON.stringify(phrases)}`,
        ).toBe(true);
      }

      highlighter.clear();
      expect(document.documentElement.outerHTML, context).toBe(before);
      expect(highlighter.active, context).toBe(false);
    }
    if (process.env.FUZZ_DEBUG)
      console.log(`segmentation ${Math.round(segmentMs)} ms of ${Date.now() - started} ms`);
    expect(segmentsSeen).toBeGreaterThan(CASES);
    expect(marksSeen).toBeGreaterThan(CASES);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);
});
