import { describe, expect, it } from 'vitest';
import {
  CONTENT_MESSAGES,
  CONTENT_SCRIPT_MESSAGES,
  EXTENSION_PAGE_MESSAGES,
  MESSAGE_VALIDATORS,
  isClassifyResponse,
  isContentMessage,
  isContentResponse,
  isContentStatusReply,
  isMessage,
  isTabStateReply,
  type Message,
  type MessageType,
  type TabState,
} from '../../../src/core/messages';
import { buildReport, reportQuotes, type PolicyReport } from '../../../src/core/report';
import { diffPolicies, fingerprintPolicy } from '../../../src/core/fingerprint';
import { completePolicy, para } from './fixtures';

const detection = { isPolicy: true, score: 0.93, reasons: ['title names a privacy policy (+2.5)'] };
const paragraphs = [
  ...completePolicy(),
  para('We sell your personal information.', ['third-party-sharing'], ['financial'], {
    id: 'sale',
  }),
];
const report: PolicyReport = buildReport({
  url: 'https://example.com/privacy',
  title: 'Privacy',
  analysedAt: '2026-11-23T00:00:00.000Z',
  paragraphs,
  thirdParties: [{ name: 'AdCo', kind: 'advertising', paragraphIds: ['s1'] }],
});
const analysis = {
  categories: paragraphs[1]!.categories,
  scores: paragraphs[1]!.scores,
  sensitive: [],
  spans: [],
};

/** One valid example of every message. */
const VALID: { [K in MessageType]: Message<K> } = {
  'page/classify': {
    type: 'page/classify',
    paragraphs: [{ id: 'p1', text: 'We collect data.', isHeading: false, heading: 'Collection' }],
  },
  'page/summarise': {
    type: 'page/summarise',
    url: 'https://example.com/privacy',
    title: 'Privacy',
    forced: false,
    detection,
    paragraphs: [
      { id: 'p1', text: 'We collect data.', isHeading: false, heading: 'Collection' },
      { id: 'p2', text: 'Collection', isHeading: true },
    ],
    recheck: false,
  },
  'page/cleared': { type: 'page/cleared' },
  'page/load-annotator': { type: 'page/load-annotator' },
  'popup/get-state': { type: 'popup/get-state', tabId: 12 },
  'content/get-status': { type: 'content/get-status' },
  'content/analyse-anyway': { type: 'content/analyse-anyway' },
  'content/jump-to': { type: 'content/jump-to', paragraphId: 'p3' },
  'content/mark-new': { type: 'content/mark-new', paragraphIds: ['p1', 'p2'] },
  'content/find-policy-link': { type: 'content/find-policy-link' },
};
const ALL = Object.keys(VALID) as MessageType[];
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('allowlists', () => {
  it('cover every message exactly once, split by direction', () => {
    const listed = [...CONTENT_SCRIPT_MESSAGES, ...EXTENSION_PAGE_MESSAGES, ...CONTENT_MESSAGES];
    expect([...listed].sort()).toEqual([...ALL].sort());
    expect(Object.keys(MESSAGE_VALIDATORS).sort()).toEqual([...ALL].sort());
  });
});

describe('isMessage: valid messages', () => {
  it.each(ALL)('%s passes its validator, also after a JSON round trip', (type) => {
    expect(isMessage(VALID[type], [type])).toBe(true);
    expect(isMessage(clone(VALID[type]), [type])).toBe(true);
  });
});

describe('isMessage: rejections', () => {
  it('rejects types outside the allowlist', () => {
    expect(isMessage(VALID['popup/get-state'], CONTENT_SCRIPT_MESSAGES)).toBe(false);
    expect(isMessage(VALID['page/summarise'], EXTENSION_PAGE_MESSAGES)).toBe(false);
    expect(isMessage({ type: 'page/unknown' }, CONTENT_SCRIPT_MESSAGES)).toBe(false);
    expect(isContentMessage(VALID['content/jump-to'])).toBe(true);
    expect(isContentMessage(VALID['page/cleared'])).toBe(false);
  });

  it('rejects non-objects and non-plain objects', () => {
    for (const raw of [null, undefined, 1, 'page/cleared', [], [{ type: 'page/cleared' }]]) {
      expect(isMessage(raw, ALL)).toBe(false);
    }
    class Fake {
      type = 'page/cleared';
    }
    expect(isMessage(new Fake(), ALL)).toBe(false);
    expect(isMessage(Object.create({ type: 'page/cleared' }), ALL)).toBe(false);
  });

  it.each(ALL.filter((t) => Object.keys(VALID[t]).length > 1))(
    '%s: every required field missing is rejected',
    (type) => {
      const msg = VALID[type] as Record<string, unknown>;
      for (const key of Object.keys(msg)) {
        if (key === 'type' || key === 'heading') continue;
        const rest = { ...msg };
        delete rest[key];
        expect(isMessage(rest, [type]), `${type} without ${key}`).toBe(false);
      }
    },
  );

  it.each(ALL)('%s: wrong types for any field are rejected', (type) => {
    const msg = VALID[type] as Record<string, unknown>;
    for (const key of Object.keys(msg)) {
      for (const bad of [null, 42, 'str', [], {}, true]) {
        if (typeof bad === typeof msg[key] && Array.isArray(bad) === Array.isArray(msg[key]))
          continue;
        expect(
          isMessage({ ...msg, [key]: bad }, [type]),
          `${type}.${key} = ${JSON.stringify(bad)}`,
        ).toBe(false);
      }
    }
  });

  it('rejects unknown extra keys at any level', () => {
    expect(isMessage({ ...VALID['page/cleared'], extra: 1 }, ALL)).toBe(false);
    const m = clone(VALID['page/summarise']);
    (m.paragraphs[0] as unknown as Record<string, unknown>).html = '<b>x</b>';
    expect(isMessage(m, ALL)).toBe(false);
    const r = clone({
      state: { url: report.url, title: 'Privacy', status: 'policy', report, quotes: [] },
    });
    expect(isTabStateReply(r)).toBe(true);
    (r.state.report.categories as unknown as Record<string, unknown>).bogus = {
      count: 1,
      paragraphIds: [],
    };
    expect(isTabStateReply(r)).toBe(false);
  });

  it('rejects prototype-pollution keys', () => {
    const top = JSON.parse('{"type":"page/cleared","__proto__":{"polluted":true}}') as unknown;
    expect(isMessage(top, ALL)).toBe(false);
    const deep = JSON.parse(
      JSON.stringify(VALID['page/summarise']).replace(
        '"isPolicy":true',
        '"isPolicy":true,"__proto__":{"x":1}',
      ),
    ) as unknown;
    expect(isMessage(deep, ALL)).toBe(false);
    const ctor = { ...VALID['page/cleared'], constructor: { prototype: { x: 1 } } };
    expect(isMessage(ctor, ALL)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects oversized strings and arrays', () => {
    expect(isMessage({ ...VALID['content/jump-to'], paragraphId: 'x'.repeat(129) }, ALL)).toBe(
      false,
    );
    expect(isMessage({ ...VALID['page/summarise'], title: 'x'.repeat(2049) }, ALL)).toBe(false);
    expect(isMessage({ ...VALID['page/summarise'], url: 'x'.repeat(5000) }, ALL)).toBe(false);
    const longText = clone(VALID['page/summarise']);
    longText.paragraphs[0]!.text = 'x'.repeat(4001);
    expect(isMessage(longText, ALL)).toBe(false);
    const many = clone(VALID['page/summarise']);
    many.paragraphs = Array.from({ length: 5001 }, (_, i) => ({
      id: `p${i}`,
      text: 't',
      isHeading: false,
    }));
    expect(isMessage(many, ALL)).toBe(false);
    const reasons = {
      ...VALID['page/summarise'],
      detection: { ...detection, reasons: Array.from({ length: 51 }, () => 'r') },
    };
    expect(isMessage(reasons, ALL)).toBe(false);
  });

  it('rejects messages over the total budget even when each field is within its cap', () => {
    const big = clone(VALID['page/summarise']);
    big.paragraphs = Array.from({ length: 5000 }, (_, i) => ({
      id: `p${i}`,
      text: 'x'.repeat(4000),
      isHeading: false,
    }));
    expect(isMessage(big, ALL)).toBe(false);
    const fits = clone(VALID['page/summarise']);
    fits.paragraphs = Array.from({ length: 2000 }, (_, i) => ({
      id: `p${i}`,
      text: 'x'.repeat(500),
      isHeading: false,
    }));
    expect(isMessage(fits, ALL)).toBe(true);
  });

  it('checks numbers: finite, in range, integer where needed', () => {
    for (const tabId of [NaN, Infinity, 1.5, -5, '3']) {
      expect(isMessage({ type: 'popup/get-state', tabId }, ALL)).toBe(false);
    }
    for (const score of [NaN, -0.1, 1.1]) {
      expect(
        isMessage({ ...VALID['page/summarise'], detection: { ...detection, score } }, ALL),
      ).toBe(false);
    }
  });

  it('checks label ids and report invariants', () => {
    const reply = () =>
      clone({
        state: { url: report.url, title: 'Privacy', status: 'policy' as const, report, quotes: [] },
      });
    const r = reply();
    r.state.report.findings[0]!.label = 'not-a-label' as never;
    expect(isTabStateReply(r)).toBe(false);
    const s = reply();
    s.state.report.findings[0]!.severity = 'critical' as never;
    expect(isTabStateReply(s)).toBe(false);
    const q = reply();
    q.state.report.findings[0]!.quotes[0]!.text = 'x'.repeat(301);
    expect(isTabStateReply(q)).toBe(false);
  });
});

describe('responses', () => {
  it('isClassifyResponse requires one valid analysis per paragraph', () => {
    const ok = { analyses: [analysis, analysis] };
    expect(isClassifyResponse(ok, 2)).toBe(true);
    expect(isClassifyResponse(ok, 3)).toBe(false);
    expect(isClassifyResponse({ ...ok, extra: [1] }, 2)).toBe(false);
    const badScore = { ...analysis, scores: { ...analysis.scores, other: 2 } };
    expect(isClassifyResponse({ analyses: [badScore] }, 1)).toBe(false);
    // The page gets the scores of the paragraph's own categories only, and nothing else.
    const ownScores = { ...analysis, scores: { other: 0.1 } };
    expect(isClassifyResponse({ analyses: [ownScores] }, 1)).toBe(true);
    const unknownScore = { ...analysis, scores: { other: 0.1, evil: 0.2 } };
    expect(isClassifyResponse({ analyses: [unknownScore] }, 1)).toBe(false);
    const pollutedScore = JSON.parse('{"__proto__": 0.5}') as unknown;
    expect(isClassifyResponse({ analyses: [{ ...analysis, scores: pollutedScore }] }, 1)).toBe(
      false,
    );
    const badSpan = {
      ...analysis,
      sensitive: ['health'],
      spans: [{ type: 'health', start: 5, end: 2 }],
    };
    expect(isClassifyResponse({ analyses: [badSpan] }, 1)).toBe(false);
    const goodSpan = {
      ...analysis,
      sensitive: ['health'],
      spans: [{ type: 'health', start: 2, end: 5 }],
    };
    expect(isClassifyResponse({ analyses: [goodSpan] }, 1)).toBe(true);
  });

  it('content replies are checked', () => {
    expect(isContentStatusReply({ status: 'policy', detection, url: 'https://x' })).toBe(true);
    expect(isContentStatusReply({ status: 'idle', detection: null, url: 'https://x' })).toBe(true);
    expect(isContentStatusReply({ status: 'hacked', detection: null, url: 'https://x' })).toBe(
      false,
    );
    expect(isContentResponse('content/find-policy-link', { url: null })).toBe(true);
    expect(isContentResponse('content/find-policy-link', { url: 5 })).toBe(false);
    expect(isContentResponse('content/jump-to', { found: true })).toBe(true);
    expect(isContentResponse('content/analyse-anyway', { status: 'policy' })).toBe(true);
  });

  it('tab state replies are checked', () => {
    const fp1 = fingerprintPolicy(
      [{ id: 'a', text: 'a', categories: ['other'], sensitive: [] }],
      'T1',
    );
    const fp2 = fingerprintPolicy(
      [{ id: 'b', text: 'b', categories: ['other'], sensitive: [] }],
      'T2',
    );
    const state: TabState = {
      url: report.url,
      title: report.title,
      status: 'policy',
      forced: false,
      report,
      detection,
      changes: diffPolicies(fp1, fp2),
      newParagraphIds: ['b'],
      quotes: reportQuotes(report, paragraphs),
    };
    expect(isTabStateReply({ state })).toBe(true);
    expect(isTabStateReply(clone({ state }))).toBe(true);
    expect(isTabStateReply({ state: null })).toBe(true);
    expect(isTabStateReply({ state: { url: 'u', title: 't', status: 'paused', quotes: [] } })).toBe(
      true,
    );
    expect(isTabStateReply({ state: { ...state, status: 'weird' } })).toBe(false);
    expect(isTabStateReply({ state: { ...state, quotes: undefined } })).toBe(false);
    expect(isTabStateReply(state)).toBe(false);
  });
});
