/**
 * Privacy-policy page detection on the labeled set in tests/fixtures/detection: precision,
 * recall, F1 and accuracy on the "dev" half (used for tuning) and the held-out "test" half,
 * the misclassified pages with their reasons, and the time per page (signal collection in
 * happy-dom, which is slower than a browser, plus scoring).
 */
import { scorePolicyPage } from '../../src/core/detect';
import { collectSignals } from '../../src/content/detect';
import { loadLabels, loadPage, type DetectionLabel } from '../../tests/fixtures/detection/fixtures';

export const title = 'Privacy-policy page detection (tests/fixtures/detection)';

interface Outcome {
  label: DetectionLabel;
  predicted: boolean;
  score: number;
  reasons: string[];
  collectMs: number;
  scoreMs: number;
}

function metrics(outcomes: Outcome[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const o of outcomes) {
    if (o.predicted && o.label.isPolicy) tp++;
    else if (o.predicted) fp++;
    else if (o.label.isPolicy) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    n: outcomes.length,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1,
    accuracy: (tp + tn) / outcomes.length,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export async function evaluateDetection(): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const label of loadLabels()) {
    const page = loadPage(label);
    const t0 = performance.now();
    const signals = collectSignals(page.doc);
    const t1 = performance.now();
    const result = scorePolicyPage(signals);
    const t2 = performance.now();
    outcomes.push({
      label,
      predicted: result.isPolicy,
      score: result.score,
      reasons: result.reasons,
      collectMs: t1 - t0,
      scoreMs: t2 - t1,
    });
    await page.close();
  }
  return outcomes;
}

export async function run(): Promise<void> {
  // A first pass warms up the JIT so the timings below describe steady state.
  await evaluateDetection();
  const outcomes = await evaluateDetection();
  const rows = (['dev', 'test'] as const).map((split) => ({
    split,
    ...metrics(outcomes.filter((o) => o.label.split === split)),
  }));
  rows.push({ split: 'all' as 'dev', ...metrics(outcomes) });
  console.table(
    rows.map((r) => ({
      split: r.split,
      pages: r.n,
      'TP/FP/FN/TN': `${r.tp}/${r.fp}/${r.fn}/${r.tn}`,
      precision: pct(r.precision),
      recall: pct(r.recall),
      F1: pct(r.f1),
      accuracy: pct(r.accuracy),
    })),
  );

  const wrong = outcomes.filter((o) => o.predicted !== o.label.isPolicy);
  console.log(wrong.length === 0 ? 'Misclassified: none' : 'Misclassified:');
  for (const o of wrong) {
    console.log(
      `  [${o.label.split}] ${o.label.file} expected ${o.label.isPolicy ? 'policy' : 'not policy'}, score ${o.score.toFixed(3)}: ${o.reasons.slice(0, 5).join('; ')}`,
    );
  }
  const close = outcomes.filter(
    (o) => o.predicted === o.label.isPolicy && Math.abs(o.score - 0.5) < 0.25,
  );
  if (close.length > 0) {
    console.log('Correct but within 0.25 of the threshold:');
    for (const o of close)
      console.log(`  [${o.label.split}] ${o.label.file} score ${o.score.toFixed(3)}`);
  }

  const collect = outcomes.map((o) => o.collectMs).sort((a, b) => a - b);
  const score = outcomes.map((o) => o.scoreMs).sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? 0;
  const max = (xs: number[]) => xs[xs.length - 1] ?? 0;
  console.log(
    `Time per page: collectSignals median ${median(collect).toFixed(3)} ms, max ${max(collect).toFixed(3)} ms (happy-dom); ` +
      `scorePolicyPage median ${median(score).toFixed(3)} ms, max ${max(score).toFixed(3)} ms`,
  );
}
