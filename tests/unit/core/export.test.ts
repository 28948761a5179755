import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report';
import {
  escapeMarkdown,
  exportBaseName,
  reportToJson,
  reportToMarkdown,
} from '../../../src/core/export';
import { CATEGORY_IDS, SENSITIVE_IDS } from '../../../src/core/taxonomy';
import { completePolicy, para } from './fixtures';

const HOSTILE = [
  '<script>alert(1)</script>',
  '[click here](javascript:alert(1))',
  '![img](https://evil.example/x.png)',
  '<javascript:alert(1)>',
  '`code` and ``more``',
  '<img src=x onerror=alert(1)>',
  '# heading\n## another\n- list\n> quote',
  '| a | b |',
  '[ref]: https://evil.example',
  '**bold** _em_ ~~strike~~',
].join(' ');

function hostileReport() {
  return buildReport({
    url: 'https://example.com/privacy?q=<b>x</b>',
    title: 'Policy [x](javascript:alert(1)) <script>',
    analysedAt: '2026-11-23T01:02:03.000Z',
    paragraphs: [
      ...completePolicy(),
      para(`We sell your personal information. ${HOSTILE}`, ['third-party-sharing'], [], {
        id: 'evil',
      }),
    ],
    thirdParties: [
      { name: 'Evil](javascript:x) <b>Co</b>', kind: 'advertising`', paragraphIds: ['evil'] },
    ],
  });
}

/** Text that Markdown/HTML renderers would turn into active content. */
const ACTIVE = [
  /<script/i,
  /<img/i,
  /<javascript/i,
  /\]\(/, // inline link or image
  /(^|[^\\])`/, // unescaped backtick
  /^\s*\[[^\]]*\]:/m, // link reference definition
  /(^|[^\\])\*\*bold/, // unescaped emphasis from the page
];

describe('escapeMarkdown', () => {
  it('escapes punctuation and HTML', () => {
    expect(escapeMarkdown('[a](b)')).toBe('\\[a\\]\\(b\\)');
    expect(escapeMarkdown('<b>&')).toBe('&lt;b&gt;&amp;');
    expect(escapeMarkdown('a`b')).toBe('a\\`b');
    expect(escapeMarkdown('line1\nline2\r\nline3')).toBe('line1 line2 line3');
    expect(escapeMarkdown('plain words 123')).toBe('plain words 123');
    // A backslash in the page cannot cancel our escape of the next character.
    expect(escapeMarkdown('\\[x](y)')).toBe('\\\\\\[x\\]\\(y\\)');
  });
  it('leaves no active construct in hostile text', () => {
    const out = escapeMarkdown(HOSTILE);
    for (const re of ACTIVE) expect(out).not.toMatch(re);
    expect(out).not.toContain('\n');
    expect(out).toContain('javascript\\:alert');
  });
});

describe('reportToMarkdown', () => {
  it('has the expected sections and risk summary', () => {
    const md = reportToMarkdown(
      buildReport({
        url: 'https://example.com/p',
        title: 'Example',
        analysedAt: '2026-11-23T00:00:00.000Z',
        paragraphs: completePolicy(),
      }),
    );
    expect(md).toMatch(/^# Privacy policy analysis: Example\n/);
    for (const h of [
      '## Why this risk level',
      '## In your favour',
      '## Categories',
      '## Sensitive data',
      '## Third parties named',
    ]) {
      expect(md).toContain(`\n${h}\n`);
    }
    expect(md).toContain('- **Risk:** Low (score 15)');
    expect(md).toContain('MEDIUM: Shares data with third parties');
    expect(md).toContain('> We share data with service providers who process it on our behalf\\.');
    expect(md).toContain('| Third\\-party sharing | 1 |');
    expect(md).toContain('None named.');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('escapes every piece of page text so a hostile policy cannot inject links or HTML', () => {
    const md = reportToMarkdown(hostileReport());
    for (const re of ACTIVE) expect(md).not.toMatch(re);
    // The hostile quote stays inside its blockquote: every quote line starts with "> ".
    const quoteLines = md.split('\n').filter((l) => l.includes('alert'));
    expect(quoteLines.length).toBeGreaterThan(0);
    for (const l of quoteLines)
      expect(l.startsWith('> ') || l.startsWith('# ') || l.startsWith('- ')).toBe(true);
    expect(md).toContain('&lt;script&gt;');
  });

  it('says so when there are no findings', () => {
    const md = reportToMarkdown(
      buildReport({ url: 'u', title: '', analysedAt: 'T', paragraphs: [] }),
    );
    expect(md).toContain('No concerns found.');
    expect(md).toContain('Untitled page');
    expect(md).toContain('Not enough to judge');
  });
});

describe('reportToJson', () => {
  it('has a fixed key order and all export fields', () => {
    const report = hostileReport();
    const parsed = JSON.parse(reportToJson(report)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'generator',
      'url',
      'title',
      'analysedAt',
      'paragraphCount',
      'risk',
      'findings',
      'positives',
      'categories',
      'sensitive',
      'thirdParties',
    ]);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.url).toBe(report.url);
    expect((parsed.categories as { id: string }[]).map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    expect((parsed.sensitive as { id: string }[]).map((c) => c.id)).toEqual([...SENSITIVE_IDS]);
    const findings = parsed.findings as {
      id: string;
      quotes: { paragraphId: string; text: string }[];
    }[];
    const sale = findings.find((f) => f.id === 'sharing:sale');
    expect(sale?.quotes[0]?.paragraphId).toBe('evil');
    // JSON keeps the original text (it is data, not markup).
    expect(sale?.quotes[0]?.text).toContain('<script>');
    expect(Object.keys(findings[0]!)).toEqual([
      'id',
      'severity',
      'label',
      'title',
      'detail',
      'paragraphIds',
      'quotes',
    ]);
  });

  it('is byte-identical for equal reports whatever their key order', () => {
    const a = hostileReport();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const shuffled = reverseKeys(a) as typeof a;
    expect(Object.keys(shuffled)[0]).toBe('positives');
    expect(reportToJson(shuffled)).toBe(reportToJson(a));
  });
});

describe('exportBaseName', () => {
  it('uses host and date with safe characters only', () => {
    expect(exportBaseName(hostileReport())).toBe('fineprint-example.com-2026-11-23');
    const odd = { ...hostileReport(), url: 'not a url', analysedAt: 'whenever' };
    expect(exportBaseName(odd)).toBe('fineprint-page-undated');
  });
});
