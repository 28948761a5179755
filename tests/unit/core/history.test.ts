import { describe, expect, it } from 'vitest';
import { fingerprintPolicy, type PolicyFingerprint } from '../../../src/core/fingerprint';
import {
  clearHistory,
  clearSite,
  emptyHistory,
  historyKey,
  latestFingerprint,
  mergeHistory,
  recordAnalysis,
  validateHistory,
} from '../../../src/core/history';

const fp = (texts: string[], at: string): PolicyFingerprint =>
  fingerprintPolicy(
    texts.map((text) => ({ id: text, text, categories: ['other'], sensitive: [] })),
    at,
  );

describe('historyKey', () => {
  it('is host plus path, without query, fragment or trailing slash', () => {
    expect(historyKey('https://Example.COM/Privacy/?utm=1#top')).toBe('example.com/Privacy');
    expect(historyKey('http://example.com/')).toBe('example.com');
    expect(historyKey('https://a.example.com/legal/privacy')).toBe('a.example.com/legal/privacy');
  });
  it('is null for non-web or malformed URLs', () => {
    expect(historyKey('file:///tmp/policy.html')).toBeNull();
    expect(historyKey('chrome://settings')).toBeNull();
    expect(historyKey('not a url')).toBeNull();
  });
});

describe('mergeHistory', () => {
  it('adds a first fingerprint without touching the input', () => {
    const h0 = emptyHistory();
    const h1 = mergeHistory(h0, 'a.com/p', fp(['x'], 'T1'));
    expect(h0.entries).toEqual([]);
    expect(h1.entries).toHaveLength(1);
    expect(h1.entries[0]).toMatchObject({ key: 'a.com/p', lastSeenAt: 'T1' });
    expect(latestFingerprint(h1, 'a.com/p')?.analysedAt).toBe('T1');
    expect(latestFingerprint(h1, 'other')).toBeNull();
  });

  it('replaces the latest version when the text is unchanged, appends when it changed', () => {
    let h = mergeHistory(emptyHistory(), 'k', fp(['x'], 'T1'));
    h = mergeHistory(h, 'k', fp(['x'], 'T2'));
    expect(h.entries[0]?.fingerprints.map((f) => f.analysedAt)).toEqual(['T2']);
    h = mergeHistory(h, 'k', fp(['y'], 'T3'));
    expect(h.entries[0]?.fingerprints.map((f) => f.analysedAt)).toEqual(['T2', 'T3']);
    expect(h.entries[0]?.lastSeenAt).toBe('T3');
  });

  it('keeps at most maxEntriesPerSite versions, newest last', () => {
    let h = emptyHistory();
    for (let i = 0; i < 8; i++)
      h = mergeHistory(h, 'k', fp([`v${i}`], `T${i}`), { maxEntriesPerSite: 3 });
    expect(h.entries[0]?.fingerprints.map((f) => f.analysedAt)).toEqual(['T5', 'T6', 'T7']);
  });

  it('keeps the most recently seen policies first and drops the least recent beyond the cap', () => {
    let h = emptyHistory();
    for (const k of ['a', 'b', 'c']) h = mergeHistory(h, k, fp([k], k), { maxPolicies: 3 });
    h = mergeHistory(h, 'a', fp(['a'], 'a2'), { maxPolicies: 3 });
    expect(h.entries.map((e) => e.key)).toEqual(['a', 'c', 'b']);
    h = mergeHistory(h, 'd', fp(['d'], 'd'), { maxPolicies: 3 });
    expect(h.entries.map((e) => e.key)).toEqual(['d', 'a', 'c']);
  });

  it('defaults to 200 policies', () => {
    let h = emptyHistory();
    for (let i = 0; i < 210; i++) h = mergeHistory(h, `k${i}`, fp([`${i}`], `T${i}`));
    expect(h.entries).toHaveLength(200);
    expect(h.entries[0]?.key).toBe('k209');
  });
});

describe('storage budget', () => {
  const many = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} ${i}`);

  it('drops old versions of the least recent policies first, then whole policies', () => {
    const limits = { maxStoredParagraphs: 50 };
    let h = emptyHistory();
    h = mergeHistory(h, 'old', fp(many(10, 'o1'), 'T1'), limits);
    h = mergeHistory(h, 'old', fp(many(10, 'o2'), 'T2'), limits);
    h = mergeHistory(h, 'mid', fp(many(20, 'm'), 'T3'), limits);
    expect(h.entries.map((e) => [e.key, e.fingerprints.length])).toEqual([
      ['mid', 1],
      ['old', 2],
    ]);
    h = mergeHistory(h, 'new', fp(many(15, 'n'), 'T4'), limits);
    // 15 + 20 + 20 > 50: the older version of "old" goes.
    expect(h.entries.map((e) => [e.key, e.fingerprints.length])).toEqual([
      ['new', 1],
      ['mid', 1],
      ['old', 1],
    ]);
    h = mergeHistory(h, 'big', fp(many(30, 'b'), 'T5'), limits);
    // 30 + 15 + 20 + 10 > 50: "old" then "mid" are dropped whole.
    expect(h.entries.map((e) => e.key)).toEqual(['big', 'new']);
  });

  it('always keeps the latest version of the policy just recorded', () => {
    let h = mergeHistory(emptyHistory(), 'k', fp(many(10, 'a'), 'T1'), { maxStoredParagraphs: 5 });
    h = mergeHistory(h, 'k', fp(many(10, 'b'), 'T2'), { maxStoredParagraphs: 5 });
    expect(h.entries).toHaveLength(1);
    expect(h.entries[0]?.fingerprints.map((f) => f.analysedAt)).toEqual(['T2']);
  });

  it('validateHistory applies the budget too', () => {
    let h = emptyHistory();
    for (const k of ['a', 'b', 'c']) h = mergeHistory(h, k, fp(many(10, k), k));
    expect(validateHistory(h, { maxStoredParagraphs: 20 }).entries.map((e) => e.key)).toEqual([
      'c',
      'b',
    ]);
  });
});

describe('recordAnalysis', () => {
  it('has no diff on a first visit, then diffs against the version seen last time', () => {
    const first = recordAnalysis(emptyHistory(), 'k', fp(['a', 'b'], 'T1'));
    expect(first.diff).toBeNull();
    const same = recordAnalysis(first.history, 'k', fp(['a', 'b'], 'T2'));
    expect(same.diff).toMatchObject({ changed: false, since: 'T1' });
    const changed = recordAnalysis(same.history, 'k', fp(['a', 'b', 'c'], 'T3'));
    expect(changed.diff).toMatchObject({ changed: true, since: 'T2', added: [2] });
    const again = recordAnalysis(changed.history, 'k', fp(['a', 'b', 'c'], 'T4'));
    expect(again.diff?.changed).toBe(false);
  });

  it('reports no change when only the way pages are cut into paragraphs changed', () => {
    // Stored by a version that read table cells one by one (no segmentation field), read back.
    const { segmentation: _dropped, ...cells } = fp(['SDK Umeng', 'IMEI, OAID', 'We sell'], 'T1');
    const cellsJson: unknown = JSON.parse(
      JSON.stringify({
        version: 1,
        entries: [{ key: 'k', lastSeenAt: 'T1', fingerprints: [cells] }],
      }),
    );
    const stored = validateHistory(cellsJson);
    expect(latestFingerprint(stored, 'k')?.segmentation).toBeUndefined();
    const rows = fp(['SDK Umeng IMEI, OAID', 'We sell'], 'T2');
    const upgraded = recordAnalysis(stored, 'k', rows);
    expect(upgraded.diff).toBeNull();
    expect(upgraded.history.entries[0]?.fingerprints).toEqual([rows]);
    // From then on the policy is tracked as before.
    const next = recordAnalysis(upgraded.history, 'k', fp(['SDK Umeng IMEI, OAID'], 'T3'));
    expect(next.diff).toMatchObject({ changed: true, since: 'T2', removed: [expect.anything()] });
    expect(validateHistory(JSON.parse(JSON.stringify(next.history)))).toEqual(next.history);
  });
});

describe('clearing', () => {
  it('clears one policy, a whole host, or everything', () => {
    let h = emptyHistory();
    for (const k of ['a.com/p', 'a.com/q', 'b.com/p']) h = mergeHistory(h, k, fp([k], 'T'));
    expect(clearSite(h, 'a.com/p').entries.map((e) => e.key)).toEqual(['b.com/p', 'a.com/q']);
    expect(clearSite(h, 'A.com').entries.map((e) => e.key)).toEqual(['b.com/p']);
    expect(clearHistory()).toEqual(emptyHistory());
  });
});

describe('validateHistory', () => {
  it('round-trips a valid history through JSON', () => {
    const h = mergeHistory(
      emptyHistory(),
      'k',
      fingerprintPolicy(
        [{ id: '1', text: 't', categories: ['other'], sensitive: ['health'] }],
        'T',
        { storeFullText: true },
      ),
    );
    expect(validateHistory(JSON.parse(JSON.stringify(h)))).toEqual(h);
  });
  it('returns an empty history for garbage', () => {
    for (const raw of [
      null,
      1,
      'x',
      [],
      {},
      { version: 2, entries: [] },
      { version: 1, entries: 'no' },
    ]) {
      expect(validateHistory(raw)).toEqual(emptyHistory());
    }
  });
  it('drops malformed entries and fingerprints, unknown labels and duplicate keys', () => {
    const good = fp(['a'], 'T');
    const raw = {
      version: 1,
      entries: [
        {
          key: 'k1',
          lastSeenAt: 'T',
          fingerprints: [
            good,
            { version: 9 },
            {
              version: 1,
              analysedAt: 'T',
              paragraphs: [{ hash: 'h', categories: ['bogus', 'other'], sensitive: ['health', 3] }],
            },
          ],
        },
        { key: 'k1', lastSeenAt: 'T', fingerprints: [good] },
        { key: 2, lastSeenAt: 'T', fingerprints: [good] },
        { key: 'k3', lastSeenAt: 'T', fingerprints: [] },
        'junk',
      ],
    };
    const h = validateHistory(raw);
    expect(h.entries.map((e) => e.key)).toEqual(['k1']);
    expect(h.entries[0]?.fingerprints).toHaveLength(2);
    expect(h.entries[0]?.fingerprints[1]?.paragraphs[0]).toEqual({
      hash: 'h',
      categories: ['other'],
      sensitive: ['health'],
    });
  });
});
