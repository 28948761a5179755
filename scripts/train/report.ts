/**
 * The accuracy figures of issue 6, computed the same way by `npm run train` (metrics.json) and
 * `npm run eval`: PrivacyGLUE test (12 labels and our 10), the by-policy split, APPCorp and the
 * repo's own out-of-domain set.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { classifyParagraphs, type Model } from '../../src/core/classifier/index';
import { CATEGORY_IDS, type CategoryId } from '../../src/core/taxonomy';
import { readJsonl, sharedDataPath } from '../lib/shared-data';
import { isScoredHeading } from '../data/ood/build';
import { APPCORP_ACCEPT, type AppcorpRecord } from './appcorp';
import { loadRepoFile, REPO_DATA_DIR, type Example } from './data';
import { evaluate, predict } from './evaluate';
import { PGLUE_HEADS } from './labels';
import { score, type Report } from './metrics';

export interface SplitReport {
  labels12?: Report;
  labels10: Report;
}

export function reportOn(model: Model, examples: Example[]): SplitReport {
  const pred = predict(model, examples);
  return {
    labels12: evaluate(examples, pred, PGLUE_HEADS),
    labels10: evaluate(examples, pred, CATEGORY_IDS),
  };
}

export interface AppcorpReport {
  /** Share of paragraphs whose predicted set contains an acceptable id. */
  hitRate: number;
  /** Share whose single best-scoring category is acceptable. */
  top1: number;
  /** Single-label P/R/F1 of the top-1 category (ambiguous gold resolved towards the prediction). */
  top1Report: Report;
  perGold: { label: string; n: number; hitRate: number; top1: number }[];
}

export function appcorpReport(model: Model): AppcorpReport {
  const rows = readJsonl<AppcorpRecord>(sharedDataPath('appcorp/test.jsonl'));
  const results = classifyParagraphs(
    model,
    rows.map((r) => ({ text: r.text })),
  );
  const per = new Map<string, { n: number; hit: number; top: number }>();
  const gold: boolean[][] = [];
  const pred: boolean[][] = [];
  let hits = 0;
  let tops = 0;
  rows.forEach((r, i) => {
    const accept = APPCORP_ACCEPT[r.label];
    const res = results[i];
    if (!accept || !res) throw new Error(`APPCorp label ${r.label} has no mapping`);
    const best = CATEGORY_IDS.reduce((a, b) => (res.scores[b] > res.scores[a] ? b : a));
    const hit = res.categories.some((c) => accept.includes(c));
    const top = accept.includes(best);
    hits += hit ? 1 : 0;
    tops += top ? 1 : 0;
    const g = per.get(r.label) ?? { n: 0, hit: 0, top: 0 };
    per.set(r.label, { n: g.n + 1, hit: g.hit + (hit ? 1 : 0), top: g.top + (top ? 1 : 0) });
    const goldId: CategoryId = top ? best : (accept[0] as CategoryId);
    gold.push(CATEGORY_IDS.map((c) => c === goldId));
    pred.push(CATEGORY_IDS.map((c) => c === best));
  });
  // do-not-track has no APPCorp class, so it is left out of the macro average.
  const ids = CATEGORY_IDS.filter((c) => c !== 'do-not-track');
  const keep = ids.map((c) => CATEGORY_IDS.indexOf(c));
  const top1Report = score(
    [...ids],
    gold.map((g) => keep.map((k) => g[k] as boolean)),
    pred.map((p) => keep.map((k) => p[k] as boolean)),
  );
  return {
    hitRate: hits / rows.length,
    top1: tops / rows.length,
    top1Report,
    perGold: [...per].map(([label, g]) => ({
      label,
      n: g.n,
      hitRate: g.hit / g.n,
      top1: g.top / g.n,
    })),
  };
}

export const OOD_EVAL_PATH = join(REPO_DATA_DIR, 'ood', 'eval.jsonl');
/** Policies whose practices sit in tables, each row written as the content script reads it. */
export const TABLES_EVAL_PATH = join(REPO_DATA_DIR, 'ood', 'tables.jsonl');

/** Paragraphs of one of the data/ood sets that are scored: headings under six words are not. */
export function oodExamples(path = OOD_EVAL_PATH): Example[] {
  if (!existsSync(path)) return [];
  return loadRepoFile(path, 1).filter((ex) => !ex.isHeading || isScoredHeading(ex.text));
}
