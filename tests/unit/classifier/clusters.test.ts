import { describe, expect, it } from 'vitest';
import {
  decodeClusters,
  encodeClusters,
  type WordClusters,
} from '../../../src/core/classifier/clusters';
import { extractFeatures, headLogits, loadModel } from '../../../src/core/classifier/index';
import { learnClusters } from '../../../scripts/train/clusters';
import { modelFile } from './helpers';

const map: WordClusters = new Map([
  ['share', Uint16Array.from([1, 300])],
  ['disclos', Uint16Array.from([1, 300])],
  ['imei', Uint16Array.from([2, 4000])],
]);

describe('cluster file', () => {
  it('round-trips words and ids', () => {
    const back = decodeClusters(encodeClusters(map, 2));
    expect([...back].map(([w, ids]) => [w, [...ids]])).toEqual([
      ['share', [1, 300]],
      ['disclos', [1, 300]],
      ['imei', [2, 4000]],
    ]);
  });

  it.each([
    ['ids that do not match the words', { levels: 2, words: 'a b', ids: 'AAAA' }, /match/],
    ['too many levels', { levels: 9, words: '', ids: '' }, /levels/],
    ['a missing word list', { levels: 1, ids: '' }, /strings/],
  ])('rejects %s', (_name, file, message) => {
    expect(() => decodeClusters(file)).toThrow(message);
  });
});

describe('cluster block', () => {
  const file = modelFile() as { features: Record<string, unknown> };
  const withClusters = {
    ...file,
    features: { ...file.features, sentenceMix: 0, clusterWeight: 0.5 },
    clusters: encodeClusters(map, 2),
  };

  it('makes words of one cluster share features', () => {
    const model = loadModel(withClusters);
    const a = new Set(extractFeatures({ text: 'we share it' }, model.features).index);
    const b = new Set(extractFeatures({ text: 'we disclosed it' }, model.features).index);
    const c = new Set(extractFeatures({ text: 'we imei it' }, model.features).index);
    const plain = loadModel({
      ...withClusters,
      features: { ...withClusters.features, clusterWeight: 0 },
    });
    const p = new Set(extractFeatures({ text: 'we share it' }, plain.features).index);
    const p2 = new Set(extractFeatures({ text: 'we disclosed it' }, plain.features).index);
    const shared = (x: Set<number>, y: Set<number>): number =>
      [...x].filter((k) => y.has(k)).length;
    // Two cluster buckets (one per level) more in common than without clusters.
    expect(shared(a, b) - shared(p, p2)).toBe(2);
    expect(shared(a, c)).toBe(shared(p, p2));
  });

  it('is scored by the fast scorer exactly as the explicit vector', () => {
    const model = loadModel(withClusters);
    const src = { text: 'We share or disclose your IMEI with partners.', heading: 'Sharing' };
    const x = extractFeatures(src, model.features);
    const n = model.heads.length;
    const z = headLogits(model, src);
    for (let h = 0; h < n; h++) {
      let dot = 0;
      x.index.forEach((b, i) => (dot += x.value[i]! * model.weights[b * n + h]!));
      expect(z[h]).toBeCloseTo(dot * model.scale[h]! + model.bias[h]!, 4);
    }
  });

  it('refuses a cluster weight without clusters, and clusters inside features', () => {
    expect(() => loadModel({ ...withClusters, clusters: undefined })).toThrow(/needs clusters/);
    expect(() =>
      loadModel({ ...withClusters, features: { ...withClusters.features, clusters: {} } }),
    ).toThrow(/top level/);
  });
});

describe('learnClusters', () => {
  // Verbs that occur in the same frames, nouns that occur in others.
  const frames = [
    'we VERB your NOUN with our partners',
    'you can ask us not to VERB the NOUN we hold',
    'partners that VERB NOUN must protect it',
  ];
  const verbs = ['share', 'disclose', 'transfer', 'sell'];
  const nouns = ['imei', 'location', 'contacts', 'photos'];
  const texts = frames.flatMap((f) =>
    verbs.flatMap((v) => nouns.map((n) => f.replace('VERB', v).replace('NOUN', n))),
  );
  const recipe = { levels: [2], dims: 4, minCount: 2, window: 2, contexts: 50, seed: 1 };

  it('puts words used alike in one cluster and others apart', () => {
    const clusters = learnClusters(texts, false, recipe);
    const id = (w: string): number => clusters.get(w)![0]!;
    expect(new Set(verbs.map(id)).size).toBe(1);
    expect(new Set(nouns.map(id)).size).toBe(1);
    expect(id('share')).not.toBe(id('imei'));
  });

  it('is deterministic', () => {
    const a = learnClusters(texts, true, { ...recipe, levels: [3, 6] });
    const b = learnClusters(texts, true, { ...recipe, levels: [3, 6] });
    expect(encodeClusters(a, 2)).toEqual(encodeClusters(b, 2));
  });
});
