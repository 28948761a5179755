import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../../src/core/sensitive';
import { compile } from '../../../src/core/sensitive/compile';

/** Small deterministic PRNG (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'we',
  'do',
  'not',
  'collect',
  'your',
  'IMEI',
  'location',
  'precise',
  'bank',
  'card',
  'number',
  'children',
  'under',
  '13',
  'but',
  ',',
  '.',
  ';',
  '(',
  ')',
  'contacts',
  'address',
  'book',
  'no',
  'Wi-Fi',
  'MAC',
  'face',
  'data',
  'health',
  'unless',
  'consent',
  '’s',
  'é',
  '😀',
  '\n',
  '-',
  ' ',
];

describe('detectSensitive: robustness', () => {
  it('never throws; spans are in bounds, sorted and disjoint', () => {
    const random = rng(42);
    for (let i = 0; i < 1000; i += 1) {
      const n = Math.floor(random() * 60);
      let text = '';
      for (let j = 0; j < n; j += 1) {
        text +=
          random() < 0.1
            ? String.fromCharCode(Math.floor(random() * 0xffff))
            : WORDS[Math.floor(random() * WORDS.length)];
        text += random() < 0.8 ? ' ' : '';
      }
      const { spans, types } = detectSensitive(text);
      let last = 0;
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(types).toContain(s.type);
        last = s.end;
      }
    }
  });

  it('handles empty and very long input', () => {
    expect(detectSensitive('')).toEqual({ types: [], spans: [] });
    const long = 'We collect your IMEI. '.repeat(5000);
    expect(detectSensitive(long).spans).toHaveLength(5000);
  });

  it('is stateless between calls', () => {
    const text = 'We read your address book.';
    expect(detectSensitive(text)).toEqual(detectSensitive(text));
  });

  it('keeps the compiled regex small enough for V8 to optimise', () => {
    expect(compile().regex.source.length).toBeLessThan(20_000);
  });
});

describe('bucketed scan', () => {
  it('finds exactly what the flat reference regex finds', async () => {
    const { candidates } = await import('../../../src/core/sensitive/scan');
    const { loadSet } = await import('../../../scripts/eval/20-sensitive');
    const { LEXICON } = await import('../../../src/core/sensitive/lexicon');
    const { regex } = compile();
    const texts = [...loadSet('dev'), ...loadSet('eval')].map((e) => e.text);
    texts.push('Über IMEI—ÉIMEI _IMEI imei_ 13-year-old e-mail content, wi‐fi list');
    for (const text of texts) {
      const flat: [number, number, number][] = [];
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        let g = 2;
        while (g < m.length && m[g] === undefined) g += 1;
        flat.push([m.index, m.index + m[0].length, m[1] !== undefined ? -1 : g - 2]);
      }
      const bucketed = candidates(text).map((c): [number, number, number] => [
        c.start,
        c.end,
        c.entry ? LEXICON.indexOf(c.entry) : -1,
      ]);
      expect(bucketed).toEqual(flat);
    }
  });
});
