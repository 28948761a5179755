import { describe, expect, it } from 'vitest';
import { loadModel, MODEL_FORMAT } from '../../../src/core/classifier/index';
import { modelFile } from './helpers';

describe('loadModel', () => {
  it('loads the shipped weights file', () => {
    const model = loadModel(modelFile());
    expect(model.heads).toContain('data-retention');
    expect(model.weights.length).toBe(2 ** model.features.bits * model.heads.length);
    expect(model.stack?.w.length).toBe(model.heads.length ** 2);
  });

  it('loads a file without the optional second stage', () => {
    const f = modelFile();
    delete f.stack;
    expect(loadModel(f).stack).toBeNull();
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'model'],
  ])('rejects %s', (_name, data) => {
    expect(() => loadModel(data)).toThrow(/Invalid classifier model/);
  });

  const broken: [string, (f: Record<string, unknown>) => void, RegExp][] = [
    ['wrong format', (f) => (f.format = 'other'), /format/],
    ['future version', (f) => (f.version = 99), /version 99/],
    ['unknown head', (f) => (f.heads = [...(f.heads as string[]), 'cookies']), /heads/],
    [
      'missing head',
      (f) => (f.heads = (f.heads as string[]).filter((h) => h !== 'other')),
      /heads|other/,
    ],
    ['truncated weights', (f) => ((f.weights as { data: string }).data = 'AAAA'), /weights hold/],
    ['short bias', (f) => (f.bias = [0]), /bias/],
    ['NaN threshold', (f) => ((f.thresholds as number[])[0] = Number.NaN), /thresholds/],
    ['bad bits', (f) => ((f.features as { bits: number }).bits = 40), /bits/],
    ['no calibration', (f) => delete f.calibration, /calibration/],
    ['short stack weights', (f) => (f.stack = { a: [], b: [], w: [] }), /stack/],
  ];
  it.each(broken)('rejects a file with %s', (_name, breakIt, message) => {
    const f = modelFile();
    expect(f.format).toBe(MODEL_FORMAT);
    breakIt(f);
    expect(() => loadModel(f)).toThrow(message);
  });
});
