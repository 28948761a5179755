import { describe, expect, it } from 'vitest';
import {
  MAX_DIFF_PARAGRAPHS,
  cyrb53,
  diffPolicies,
  fingerprintPolicy,
  hashText,
  myersMatches,
  normaliseForHash,
  type FingerprintInput,
  type PolicyFingerprint,
} from '../../../src/core/fingerprint';

const p = (text: string, extra: Partial<FingerprintInput> = {}): FingerprintInput => ({
  id: text,
  text,
  categories: ['other'],
  sensitive: [],
  ...extra,
});
const fp = (texts: string[], at = '2026-01-01T00:00:00.000Z'): PolicyFingerprint =>
  fingerprintPolicy(
    texts.map((t) => p(t)),
    at,
  );

/** Reference LCS length by dynamic programming, to check Myers finds a longest match set. */
function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i]![j] =
        a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
    }
  }
  return dp[a.length]![b.length]!;
}

/** Small deterministic PRNG so the randomised test is reproducible. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('cyrb53 / hashText', () => {
  it('matches the published reference values', () => {
    // Values from bryc's cyrb53 reference implementation.
    expect(cyrb53('a')).toBe(7929297801672961);
    expect(cyrb53('revenge')).toBe(4051478007546757);
    expect(cyrb53('revenue')).toBe(8309097637345594);
    expect(cyrb53('revenue', 1)).toBe(8697026808958300);
  });
  it('is a 14-hex-digit, stable string, insensitive to case, spacing and quote style only', () => {
    const h = hashText('We collect your data.');
    expect(h).toMatch(/^[0-9a-f]{14}$/);
    expect(hashText('  we   COLLECT\nyour data. ')).toBe(h);
    expect(hashText('We collect your data.')).toBe(h);
    expect(hashText('We collect your dat.')).not.toBe(h);
    expect(hashText('We don’t sell')).toBe(hashText("We don't sell"));
    expect(hashText('a\u00a0b')).toBe(hashText('a b'));
  });
  it('normalises as documented', () => {
    expect(normaliseForHash(' A\u00a0 “B” ')).toBe('a "b"');
  });
  it('gives distinct hashes to many distinct paragraphs', () => {
    const hashes = new Set(
      Array.from({ length: 5000 }, (_, i) => hashText(`Paragraph number ${i}.`)),
    );
    expect(hashes.size).toBe(5000);
  });
});

describe('fingerprintPolicy', () => {
  it('stores hashes and labels but no text by default', () => {
    const f = fingerprintPolicy(
      [p('Hello', { categories: ['user-choice'], sensitive: ['health'] })],
      'T',
    );
    expect(f).toEqual({
      version: 1,
      segmentation: 3,
      analysedAt: 'T',
      paragraphs: [{ hash: hashText('Hello'), categories: ['user-choice'], sensitive: ['health'] }],
    });
    expect(JSON.stringify(f)).not.toContain('Hello');
  });
  it('stores text only when asked', () => {
    const f = fingerprintPolicy([p('Hello')], 'T', { storeFullText: true });
    expect(f.paragraphs[0]?.text).toBe('Hello');
  });
  it('copies label arrays', () => {
    const input = p('x', { categories: ['other'] });
    const f = fingerprintPolicy([input], 'T');
    (input.categories as string[]).push('user-choice');
    expect(f.paragraphs[0]?.categories).toEqual(['other']);
  });
});

describe('myersMatches', () => {
  it('handles empty sides', () => {
    expect(myersMatches([], [])).toEqual([]);
    expect(myersMatches(['a'], [])).toEqual([]);
    expect(myersMatches([], ['a'])).toEqual([]);
  });
  it('matches identical sequences fully', () => {
    expect(myersMatches(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });
  it('finds a longest common subsequence on the classic example', () => {
    const a = [...'ABCABBA'];
    const b = [...'CBABAC'];
    const m = myersMatches(a, b)!;
    expect(m.length).toBe(4);
    for (const [i, j] of m) expect(a[i]).toBe(b[j]);
  });
  it('agrees with the DP LCS length on random sequences, with strictly increasing pairs', () => {
    const rand = rng(42);
    for (let t = 0; t < 300; t++) {
      const gen = () =>
        Array.from({ length: Math.floor(rand() * 25) }, () => 'abcde'[Math.floor(rand() * 5)]!);
      const a = gen();
      const b = gen();
      const m = myersMatches(a, b)!;
      expect(m.length).toBe(lcsLength(a, b));
      m.forEach(([i, j], k) => {
        expect(a[i]).toBe(b[j]);
        if (k > 0) {
          expect(i).toBeGreaterThan(m[k - 1]![0]);
          expect(j).toBeGreaterThan(m[k - 1]![1]);
        }
      });
    }
  });
  it('gives up (null) beyond the edit limit', () => {
    expect(myersMatches(['a', 'b', 'c'], ['x', 'y', 'z'], 2)).toBeNull();
    expect(myersMatches(['a', 'b', 'c'], ['x', 'y', 'z'], 6)).toEqual([]);
  });
});

describe('diffPolicies', () => {
  const prev = fp(['intro', 'collect', 'share', 'retain', 'contact'], '2026-01-01T00:00:00.000Z');

  it('reports no change for the same text, even re-spaced', () => {
    const d = diffPolicies(prev, fp(['Intro', ' collect ', 'share', 'retain', 'CONTACT'], 'later'));
    expect(d).toEqual({
      changed: false,
      since: '2026-01-01T00:00:00.000Z',
      added: [],
      removed: [],
      modified: [],
    });
  });

  it('reports pure insertions as added', () => {
    const d = diffPolicies(
      prev,
      fp(['intro', 'new one', 'collect', 'share', 'retain', 'contact', 'new end']),
    );
    expect(d).toMatchObject({ changed: true, added: [1, 6], removed: [], modified: [] });
  });

  it('reports pure deletions as removed, with their labels', () => {
    const labelled = fingerprintPolicy(
      [
        p('intro'),
        p('sell', { categories: ['third-party-sharing'], sensitive: ['financial'] }),
        p('end'),
      ],
      'T0',
    );
    const d = diffPolicies(labelled, fp(['intro', 'end']));
    expect(d).toMatchObject({ changed: true, added: [], modified: [], since: 'T0' });
    expect(d.removed).toEqual([{ categories: ['third-party-sharing'], sensitive: ['financial'] }]);
  });

  it('pairs a replaced paragraph as modified', () => {
    const d = diffPolicies(prev, fp(['intro', 'collect MORE', 'share', 'retain', 'contact']));
    expect(d).toMatchObject({ changed: true, added: [], removed: [], modified: [1] });
  });

  it('splits an uneven replace hunk into modified plus added or removed', () => {
    const grow = diffPolicies(prev, fp(['intro', 'x1', 'x2', 'x3', 'share', 'retain', 'contact']));
    expect(grow).toMatchObject({ modified: [1], added: [2, 3], removed: [] });
    const shrink = diffPolicies(prev, fp(['intro', 'y', 'contact']));
    expect(shrink.modified).toEqual([1]);
    expect(shrink.added).toEqual([]);
    expect(shrink.removed).toHaveLength(2);
  });

  it('keeps removed text when the previous fingerprint stored it', () => {
    const withText = fingerprintPolicy([p('a'), p('gone')], 'T', { storeFullText: true });
    const d = diffPolicies(withText, fp(['a']));
    expect(d.removed[0]?.text).toBe('gone');
  });

  it('handles empty policies on either side', () => {
    expect(diffPolicies(fp([]), fp(['a', 'b']))).toMatchObject({ added: [0, 1], changed: true });
    expect(diffPolicies(fp(['a', 'b']), fp([])).removed).toHaveLength(2);
  });

  it('handles a 2000-paragraph policy with scattered edits quickly', () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `paragraph ${i}`);
    const edited = [...texts];
    edited[10] = 'changed 10';
    edited.splice(1500, 0, 'inserted');
    edited.splice(1990, 1);
    const start = performance.now();
    const d = diffPolicies(fp(texts), fp(edited));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(d.modified).toEqual([10]);
    expect(d.added).toEqual([1500]);
    expect(d.removed).toHaveLength(1);
  });

  it('falls back to a multiset difference for oversized policies', () => {
    const big = Array.from({ length: MAX_DIFF_PARAGRAPHS + 1 }, (_, i) => `p${i}`);
    const next = [...big.slice(1), 'brand new'];
    const d = diffPolicies(fp(big), fp(next));
    expect(d.added).toEqual([next.length - 1]);
    expect(d.removed).toHaveLength(1);
    expect(d.modified).toEqual([]);
  });

  it('falls back when a policy was rewritten beyond the edit limit', () => {
    const a = Array.from({ length: 1200 }, (_, i) => `old ${i}`);
    const b = [...Array.from({ length: 1200 }, (_, i) => `new ${i}`), 'old 5'];
    const d = diffPolicies(fp(a), fp(b));
    expect(d.modified).toEqual([]);
    expect(d.added).toHaveLength(1200);
    expect(d.removed).toHaveLength(1199);
  });

  it('duplicate paragraphs are matched by count in the fallback', () => {
    const big = Array.from({ length: MAX_DIFF_PARAGRAPHS + 1 }, () => 'same');
    const d = diffPolicies(fp(big), fp([...big, 'same']));
    expect(d.added).toEqual([MAX_DIFF_PARAGRAPHS + 1]);
    expect(d.removed).toEqual([]);
  });
});
