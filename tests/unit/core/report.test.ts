import { describe, expect, it } from 'vitest';
import {
  MAX_QUOTES_PER_FINDING,
  MAX_QUOTE_LENGTH,
  REPORT_LIMITS,
  buildReport,
  quoteText,
  reportQuotes,
} from '../../../src/core/report';
import { isPolicyReport, isTabStateReply } from '../../../src/core/messages';
import { MESSAGE_MAX_CHARS, newBudget } from '../../../src/core/messages/guards';
import { reportToMarkdown } from '../../../src/core/export';
import { CATEGORY_IDS, SENSITIVE_IDS } from '../../../src/core/taxonomy';
import { completePolicy, para } from './fixtures';

const base = {
  url: 'https://example.com/privacy',
  title: 'Privacy',
  analysedAt: '2026-11-23T00:00:00.000Z',
};

describe('quoteText', () => {
  it('collapses whitespace and keeps short text whole', () => {
    expect(quoteText('  a \n\t b  ')).toBe('a b');
  });
  it('cuts long text at a word boundary within the limit, with an ellipsis', () => {
    const long = 'abcdefg '.repeat(100);
    const q = quoteText(long);
    expect(q.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(q.endsWith(' abcdefg…')).toBe(true);
  });
  it('cuts a single giant word mid-word rather than dropping it', () => {
    const q = quoteText('x'.repeat(1000));
    expect(q.length).toBe(MAX_QUOTE_LENGTH);
    expect(q.endsWith('…')).toBe(true);
  });
});

describe('buildReport', () => {
  it('copies page facts and has every label key', () => {
    const r = buildReport({ ...base, paragraphs: [] });
    expect(r).toMatchObject({ schemaVersion: 1, ...base, paragraphCount: 0, thirdParties: [] });
    expect(Object.keys(r.categories)).toEqual([...CATEGORY_IDS]);
    expect(Object.keys(r.sensitive)).toEqual([...SENSITIVE_IDS]);
    expect(r.risk.level).toBe('unknown');
  });

  it('counts categories and sensitive types over non-heading paragraphs, in order', () => {
    const r = buildReport({
      ...base,
      paragraphs: [
        para('Location', ['first-party-collection'], ['location'], { id: 'h', isHeading: true }),
        para(
          'We collect GPS location and location history.',
          ['first-party-collection'],
          ['location'],
          {
            id: 'a',
            spans: [
              { type: 'location', start: 11, end: 23 },
              { type: 'location', start: 28, end: 44 },
            ],
          },
        ),
        para(
          'We share location with partners.',
          ['third-party-sharing', 'first-party-collection'],
          ['location'],
          { id: 'b' },
        ),
        para('Hello', [], [], { id: 'c' }),
      ],
    });
    expect(r.paragraphCount).toBe(3);
    expect(r.categories['first-party-collection']).toEqual({ count: 2, paragraphIds: ['a', 'b'] });
    expect(r.categories['third-party-sharing']).toEqual({ count: 1, paragraphIds: ['b'] });
    expect(r.categories.other).toEqual({ count: 0, paragraphIds: [] });
    expect(r.sensitive.location).toEqual({ count: 2, mentions: 3, paragraphIds: ['a', 'b'] });
    expect(r.sensitive.health).toEqual({ count: 0, mentions: 0, paragraphIds: [] });
  });

  it('does not double count a label listed twice on one paragraph', () => {
    const r = buildReport({
      ...base,
      paragraphs: [para('x', ['other', 'other'], ['health', 'health'], { id: 'd' })],
    });
    expect(r.categories.other.count).toBe(1);
    expect(r.sensitive.health.count).toBe(1);
  });

  it('attaches a quote to every finding clause, in paragraph id order', () => {
    const long = `We sell your personal information to data brokers. ${'More detail follows here. '.repeat(30)}`;
    const r = buildReport({
      ...base,
      paragraphs: [...completePolicy(), para(long, ['third-party-sharing'], [], { id: 'sale' })],
    });
    const sale = r.findings.find((f) => f.id === 'sharing:sale');
    expect(sale?.quotes).toHaveLength(1);
    expect(sale?.quotes[0]?.paragraphId).toBe('sale');
    expect(sale?.quotes[0]?.text.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(sale?.quotes[0]?.text.startsWith('We sell your personal information')).toBe(true);
    for (const f of [...r.findings, ...r.positives]) {
      expect(f.quotes.map((q) => q.paragraphId)).toEqual(f.paragraphIds);
    }
    const missing = buildReport({
      ...base,
      paragraphs: [
        para('a', ['first-party-collection']),
        para('b', ['first-party-collection']),
        para('c', ['first-party-collection']),
      ],
    });
    expect(missing.findings.find((f) => f.id === 'retention:missing')?.quotes).toEqual([]);
  });

  it('carries risk level and score from assessRisk', () => {
    const r = buildReport({ ...base, paragraphs: completePolicy() });
    expect(r.risk).toEqual({ level: 'low', score: 15 });
    expect(r.findings.map((f) => f.id)).toEqual(['sharing:general']);
    expect(r.positives.length).toBe(4);
  });

  it('copies third parties so later edits to the input do not leak in', () => {
    const thirdParties = [{ name: 'AdCo', kind: 'advertising', paragraphIds: ['s1'] }];
    const r = buildReport({ ...base, paragraphs: completePolicy(), thirdParties });
    thirdParties[0]!.paragraphIds.push('zzz');
    expect(r.thirdParties).toEqual([{ name: 'AdCo', kind: 'advertising', paragraphIds: ['s1'] }]);
    expect(r.findings.some((f) => f.id === 'sharing:advertising')).toBe(true);
  });
});

describe('reportQuotes', () => {
  it('quotes each referenced paragraph once, in reading order, and nothing else', () => {
    const paragraphs = [...completePolicy(), para('Unlabelled text.', [], [], { id: 'none' })];
    const r = buildReport({ ...base, paragraphs });
    const quotes = reportQuotes(r, paragraphs);
    expect(quotes.map((q) => q.paragraphId)).toEqual(['c1', 's1', 'u1', 'a1', 'r1', 'd1']);
    expect(quotes[0]?.text).toBe('We collect your name and email address when you register.');
  });
});

describe('report bounds', () => {
  it('never splits a surrogate pair when cutting a quote', () => {
    const q = quoteText(`${'x'.repeat(298)}😀 tail ${'y'.repeat(50)}`);
    expect(q.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(/[\uD800-\uDBFF]…$/.test(q)).toBe(false);
  });

  it('clamps page facts and third parties so the report always passes the message validators', () => {
    const r = buildReport({
      url: `https://example.com/${'a'.repeat(10_000)}`,
      title: 't'.repeat(10_000),
      analysedAt: base.analysedAt,
      paragraphs: completePolicy(),
      thirdParties: Array.from({ length: 600 }, (_, i) => ({
        name: `n${i}`.repeat(100),
        kind: 'k'.repeat(100),
        paragraphIds: ['s1'],
      })),
    });
    expect(r.url.length).toBe(REPORT_LIMITS.url);
    expect(r.title.length).toBe(REPORT_LIMITS.title);
    expect(r.thirdParties).toHaveLength(REPORT_LIMITS.thirdParties);
    expect(isPolicyReport(r, newBudget())).toBe(true);
  });

  it('a large, heavily labelled policy and its tab state stay within the message budget', () => {
    const text = (i: number) =>
      `Paragraph ${i}: we share your device identifiers with advertisers and ad networks, ` +
      `and third-party SDKs and pixels collect them; we may sell this information. `.repeat(3);
    const paragraphs = Array.from({ length: 2000 }, (_, i) =>
      para(text(i), ['third-party-sharing', 'first-party-collection'], ['device-identifiers'], {
        id: `p${i}`,
      }),
    );
    const r = buildReport({ ...base, paragraphs });
    expect(isPolicyReport(r, newBudget())).toBe(true);
    const general = r.findings.find((f) => f.id === 'sharing:general');
    expect(general?.paragraphIds).toHaveLength(2000);
    expect(general?.quotes.map((q) => q.paragraphId)).toEqual(
      general?.paragraphIds.slice(0, MAX_QUOTES_PER_FINDING),
    );
    const md = reportToMarkdown(r);
    expect(md).toContain(`and ${2000 - MAX_QUOTES_PER_FINDING} more clauses on the page.`);
    const budget = newBudget();
    isPolicyReport(r, budget);
    expect(MESSAGE_MAX_CHARS - budget.chars).toBeLessThan(MESSAGE_MAX_CHARS / 4);
    const reply = {
      state: {
        url: r.url,
        title: r.title,
        status: 'policy',
        report: r,
        quotes: reportQuotes(r, paragraphs),
      },
    };
    expect(isTabStateReply(reply)).toBe(true);
  });
});
