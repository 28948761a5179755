/**
 * Privacy-policy page detection on the labeled set in tests/fixtures/detection: precision,
 * recall, F1 and accuracy on the "dev" pages (used for tuning), the held-out "test" pages and the
 * "blind" pages written after tuning,
 * the misclassified pages with their reasons, and the time per page (signal collection in
 * happy-dom, which is slower than a browser, plus scoring).
 */
import { detectPolicyVerbose } from '../../src/content/detect';
import { loadLabels, loadPage, type DetectionLabel } from '../../tests/fixtures/detection/fixtures';

export const title = 'Privacy-policy page detection (tests/fixtures/detection)';

interface Outcome {
  label: DetectionLabel;
  predicted: boolean;
  score: number;
  reasons: string[];
  /** Time of detectPolicy (signal collection in happy-dom, slower than a browser, plus scoring). */
  ms: number;
  /** Whether the quick look was unsure and all headings were read. */
  deep: boolean;
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
    const result = detectPolicyVerbose(page.doc);
    outcomes.push({
      label,
      predicted: result.isPolicy,
      score: result.score,
      reasons: result.reasons,
      ms: result.elapsedMs,
      deep: result.deep,
    });
    await page.close();
  }
  return outcomes;
}

export async function run(): Promise<void> {
  // A first pass warms up the JIT so the timings below describe steady state.
  await evaluateDetection();
  const outcomes = await evaluateDetection();
  const rows = (['dev', 'test', 'blind'] as const).map((split) => ({
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

  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const max = times[times.length - 1] ?? 0;
  const deep = outcomes.filter((o) => o.deep);
  console.log(
    `Time per page (detectPolicy in happy-dom, warm): median ${median.toFixed(2)} ms, max ${max.toFixed(2)} ms. ` +
      `Second look (all headings) on ${deep.length}/${outcomes.length} pages` +
      (deep.length ? `: ${deep.map((o) => o.label.file.replace(/\.html$/, '')).join(', ')}` : '') +
      '. Chromium timings: npm run bench -- 30-detection.',
  );
}
