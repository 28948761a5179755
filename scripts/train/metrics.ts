/** Per-label precision/recall/F1 and the macro/micro summaries (shared/TAXONOMY.md scoring). */

export interface LabelScore {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  labels: LabelScore[];
  macroF1: number;
  microF1: number;
  n: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * gold/pred: one boolean row per example and label; gold entries may be null (unknown), which
 * count for nothing. Labels without gold positives still count in the macro average.
 */
export function score(labels: string[], gold: (boolean | null)[][], pred: boolean[][]): Report {
  const rows = labels.map((label, j) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const t = g[j];
      if (t === null || t === undefined) return;
      const p = pred[i]?.[j] === true;
      if (p && t) tp++;
      else if (p) fp++;
      else if (t) fn++;
    });
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = ratio(2 * tp, 2 * tp + fp + fn);
    return { label, tp, fp, fn, precision, recall, f1, support: tp + fn };
  });
  const sum = (k: 'tp' | 'fp' | 'fn'): number => rows.reduce((s, r) => s + r[k], 0);
  return {
    labels: rows,
    macroF1: rows.reduce((s, r) => s + r.f1, 0) / rows.length,
    microF1: ratio(2 * sum('tp'), 2 * sum('tp') + sum('fp') + sum('fn')),
    n: gold.length,
  };
}
