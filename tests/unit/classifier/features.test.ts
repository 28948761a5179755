import { describe, expect, it } from 'vitest';
import {
  extractFeatures,
  headLogits,
  loadModel,
  sentenceRanges,
} from '../../../src/core/classifier/index';
import { normalize, stem, words } from '../../../src/core/classifier/tokenize';
import { modelFile } from './helpers';

describe('tokenizer', () => {
  it('normalises case, width, addresses and long numbers', () => {
    expect(
      words(normalize('Ｅmail privacy@example.com or visit https://x.io/p, call 4001234')),
    ).toEqual(['email', 'zzemail', 'or', 'visit', 'zzurl', 'call', 'zznum']);
  });

  it('stems common inflections onto one form', () => {
    expect(['collects', 'collected', 'collecting'].map(stem)).toEqual([
      'collect',
      'collect',
      'collect',
    ]);
  });

  it('splits sentences at end punctuation followed by a capital', () => {
    const text = 'We collect your email address. We keep it for 30 days! Then it is gone.';
    const parts = sentenceRanges(text).map(([a, b]) => text.slice(a, b).trim());
    expect(parts).toEqual([
      'We collect your email address.',
      'We keep it for 30 days!',
      'Then it is gone.',
    ]);
  });
});

describe('fast scorer', () => {
  it('equals the dot product of the explicit feature vector', () => {
    const file = modelFile() as { features: Record<string, unknown> };
    const model = loadModel({ ...file, features: { ...file.features, sentenceMix: 0 } });
    const src = {
      text: 'We share your IMEI and location with SDK partners for ads.',
      heading: 'Sharing',
    };
    const x = extractFeatures(src, model.features);
    const n = model.heads.length;
    const z = headLogits(model, src);
    for (let h = 0; h < n; h++) {
      let dot = 0;
      x.index.forEach(
        (b, i) => (dot += (x.value[i] as number) * (model.weights[b * n + h] as number)),
      );
      expect(z[h]).toBeCloseTo(dot * (model.scale[h] as number) + (model.bias[h] as number), 4);
    }
  });
});
