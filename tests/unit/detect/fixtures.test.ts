import { describe, expect, it } from 'vitest';
import { featureValues, scorePolicyPage } from '../../../src/core/detect';
import { collectSignals } from '../../../src/content/detect';
import { loadLabels, loadPage, type DetectionLabel } from '../../fixtures/detection/fixtures';

const labels = loadLabels();
const results = labels.map((label) => {
  const page = loadPage(label);
  const signals = collectSignals(page.doc);
  void page.close();
  return { label, signals, result: scorePolicyPage(signals) };
});

function accuracy(subset: typeof results): number {
  return subset.filter((r) => r.result.isPolicy === r.label.isPolicy).length / subset.length;
}

describe('detection on the labeled fixture set', () => {
  it('has at least 40 pages, both classes and both splits', () => {
    expect(labels.length).toBeGreaterThanOrEqual(40);
    const count = (f: (l: DetectionLabel) => boolean) => labels.filter(f).length;
    expect(count((l) => l.isPolicy)).toBeGreaterThanOrEqual(15);
    expect(count((l) => !l.isPolicy)).toBeGreaterThanOrEqual(25);
    expect(count((l) => l.split === 'dev')).toBeGreaterThanOrEqual(20);
    expect(count((l) => l.split === 'test')).toBeGreaterThanOrEqual(20);
    expect(count((l) => l.split === 'blind')).toBeGreaterThanOrEqual(10);
  });

  it.each(['dev', 'test', 'blind'] as const)(
    'reaches at least 90%% accuracy on the %s pages',
    (split) => {
      expect(accuracy(results.filter((r) => r.label.split === split))).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('never calls a terms, cookie, news or blog page a policy when its title says what it is', () => {
    const strongNegatives = results.filter((r) => /^n0[1-9]/.test(r.label.file));
    for (const r of strongNegatives) expect(r.result.isPolicy, r.label.file).toBe(false);
  });

  it('keeps every feature within 0..1 on every page', () => {
    for (const r of results) {
      for (const [name, value] of Object.entries(featureValues(r.signals))) {
        expect(value, `${r.label.file} ${name}`).toBeGreaterThanOrEqual(0);
        expect(value, `${r.label.file} ${name}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reads a bounded sample from every page', () => {
    for (const r of results) {
      expect(r.signals.textSample.length).toBeLessThanOrEqual(3000 + 200);
      expect(r.signals.headings.length).toBeLessThanOrEqual(40);
      expect(r.signals.url).toBe(r.label.url);
    }
  });
});
