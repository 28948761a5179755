import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../scripts/data/build-sensitive-eval';
import { loadSet, scoreSet } from '../../../scripts/eval/20-sensitive';

const read = (name: string): string =>
  readFileSync(new URL(`../../../data/sensitive/${name}`, import.meta.url), 'utf8');

describe('sensitive evaluation sets', () => {
  it.each(['dev', 'eval'] as const)('%s.jsonl is up to date with its source', (name) => {
    expect(parseSource(read(`${name}.src.txt`))).toEqual(loadSet(name));
  });

  it('eval has at least 200 paragraphs with exact gold offsets', () => {
    const set = loadSet('eval');
    expect(set.length).toBeGreaterThanOrEqual(200);
    for (const ex of set) {
      for (const s of ex.spans) {
        expect(s.end).toBeLessThanOrEqual(ex.text.length);
        expect(ex.text.slice(s.start, s.end).trim()).toBe(ex.text.slice(s.start, s.end));
      }
    }
  });

  it('keeps paragraph-level macro-F1 above the floor', () => {
    // Floors sit below the figures reported by `npm run eval`; a drop means a regression.
    expect(scoreSet(loadSet('eval')).macroF1).toBeGreaterThan(0.9);
    expect(scoreSet(loadSet('dev')).macroF1).toBeGreaterThan(0.9);
  });

  it('parses marks and tags into offsets', () => {
    const [ex] = parseSource('## t\nWe read the [[contacts:address book]] daily. {{children}}\n');
    expect(ex).toEqual({
      id: 't-001',
      text: 'We read the address book daily.',
      sensitive: ['children', 'contacts'],
      spans: [{ type: 'contacts', start: 12, end: 24 }],
    });
  });
});
