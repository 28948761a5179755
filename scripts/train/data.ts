/**
 * Training and evaluation examples from ../shared/data and data/ (issue 6). Which corpora may
 * train the shipped model is set by shared/data/README.md: OPP-115 and APP-350 may; APPCorp and
 * PI-Extract are evaluation only and are read by scripts/eval, never here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CATEGORY_IDS, OPP115_CATEGORY_TO_ID } from '../../src/core/taxonomy';
import { OTHER_SUBTYPE_HEADS } from '../../src/core/classifier/index';
import { withHeadingContext } from '../../src/core/classifier/index';
import { readJsonl, sharedDataPath } from '../lib/shared-data';
import { parseCsv } from './csv';
import { emptyTargets, headIndex, PGLUE_LABEL_TO_HEAD, type Targets } from './labels';
import type { HeadId } from '../../src/core/classifier/index';
import { CAT, OTHER_TYPE } from '../data/ood/build';

export interface Example {
  text: string;
  heading?: string | undefined;
  /** The line is itself a heading (repo files mark them). */
  isHeading?: boolean | undefined;
  doc?: string | undefined;
  y: Targets;
  /** Training target per head in [0, 1] (-1 unknown) when it differs from `y` (votes.ts). */
  soft?: Float32Array;
  /** Relative weight in the loss (1 unless a corpus is down-weighted). */
  weight: number;
  /**
   * OPP-115 only: what out-of-fold scoring (fit.ts) keeps in one fold. The segment (segmentKey)
   * on the PrivacyGLUE split (split by segment), the policy on the by-policy split.
   */
  group?: string;
  /** A whole OPP-115 segment with every head known: gets an out-of-fold score for tuning. */
  tuneable?: boolean;
}

export type Split = 'train' | 'validation' | 'test';

/**
 * The key that names an OPP-115 segment across its two sources (Example.group): the CSVs and
 * the raw-annotation JSONL differ in spacing and some punctuation around the same text.
 */
export function segmentKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const REPO_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

function setOther(y: Targets): void {
  const other = headIndex('other');
  y[other] = OTHER_SUBTYPE_HEADS.some((h) => y[headIndex(h)] === 1) ? 1 : 0;
}

/** PrivacyGLUE's OPP-115 majority split: CSV rows grouped by identical text. */
export function loadPglue(split: Split): Example[] {
  const csv = readFileSync(sharedDataPath(`opp115/majority/${split}.csv`), 'utf8');
  const byText = new Map<string, Targets>();
  for (const [rawText, label] of parseCsv(csv)) {
    if (rawText === undefined || label === undefined) continue;
    // The CSVs double every quote inside the text on top of CSV quoting (data/README.md).
    const text = rawText.replaceAll('""', '"');
    const head = PGLUE_LABEL_TO_HEAD[label];
    if (!head) throw new Error(`Unknown OPP-115 label "${label}" in ${split}.csv`);
    let y = byText.get(text);
    if (!y) byText.set(text, (y = emptyTargets(0)));
    y[headIndex(head)] = 1;
  }
  return [...byText].map(([text, y]) => {
    setOther(y);
    return { text, y, weight: 1, group: segmentKey(text), tuneable: true };
  });
}

interface SegmentRecord {
  policy: string;
  text: string;
  labels12: string[];
  categories: string[];
}

/** OPP-115 by-policy split (ours), labelled segments only, in policy reading order. */
export function loadSegments(split: Split): Example[] {
  const rows = readJsonl<SegmentRecord>(sharedDataPath(`opp115/segments/${split}.jsonl`));
  return rows
    .filter((r) => r.labels12.length > 0)
    .map((r) => {
      const y = emptyTargets(0);
      for (const l of r.labels12) y[headIndex(PGLUE_LABEL_TO_HEAD[l] ?? 'other')] = 1;
      y[headIndex('other')] = r.categories.includes('Other') ? 1 : 0;
      return { text: r.text, doc: r.policy, y, weight: 1, group: r.policy, tuneable: true };
    });
}

interface App350Record {
  policy: number;
  segment: number;
  text: string;
  categories: string[];
}

/**
 * APP-350 segments that carry a practice: positives for first/third-party heads only. Its
 * unannotated segments are not negatives for anything but its 58 practices (README), so every
 * other head is left unknown.
 */
export function loadApp350(split: Split, weight: number): Example[] {
  const rows = readJsonl<App350Record>(sharedDataPath(`app350/${split}.jsonl`));
  return rows
    .filter((r) => r.categories.length > 0)
    .map((r) => {
      const y = emptyTargets(-1);
      for (const c of r.categories) {
        const id = OPP115_CATEGORY_TO_ID[c];
        if (id) y[headIndex(id)] = 1;
      }
      return { text: r.text, doc: `app350-${r.policy}`, y, weight };
    });
}

/** One line of data/ood/eval.jsonl or data/train-extra/*.jsonl. */
export interface RepoRecord {
  doc: string;
  text: string;
  heading?: boolean;
  categories?: string[];
  sensitive?: string[];
  /** The opp-style set only: the PrivacyGLUE subtypes of `other` (absent: those heads unknown). */
  otherTypes?: string[];
}

/** Reads a file in the repo's line format, filling each paragraph's heading from its doc. */
export function loadRepoFile(path: string, weight: number): Example[] {
  if (!existsSync(path)) return [];
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RepoRecord);
  const out: Example[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j]?.doc === rows[i]?.doc) j++;
    const doc = rows.slice(i, j);
    const ctx = withHeadingContext(
      doc.map((r) => ({ text: r.text, isHeading: r.heading === true })),
    );
    doc.forEach((r, k) => {
      const y = emptyTargets(-1);
      for (const id of CATEGORY_IDS) y[headIndex(id)] = r.categories?.includes(id) ? 1 : 0;
      if (r.otherTypes)
        for (const h of OTHER_SUBTYPE_HEADS)
          y[headIndex(h)] = r.otherTypes.includes(h.replace('other/', '')) ? 1 : 0;
      out.push({
        text: r.text,
        heading: ctx[k]?.heading,
        isHeading: r.heading === true,
        doc: r.doc,
        y,
        weight,
      });
    });
    i = j;
  }
  return out;
}

/** Every data/train-extra/*.jsonl file (modern policies written for this project). */
export function loadTrainExtra(weight: number): Example[] {
  const dir = join(REPO_DATA_DIR, 'train-extra');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => loadRepoFile(join(dir, f), weight));
}

/**
 * data/opp-style/segments.jsonl: OPP-115-style segments of 2010s US website policies written for
 * this project (headings inline, all 12 PrivacyGLUE labels given), to add in-domain examples of
 * the rare labels.
 */
export function loadOppStyle(weight: number): Example[] {
  return loadRepoFile(join(REPO_DATA_DIR, 'opp-style', 'segments.jsonl'), weight);
}

/** The word 8-grams of a text (segmentKey's words). */
function ngrams(text: string, n = 8): string[] {
  const w = segmentKey(text).split(' ');
  return Array.from({ length: Math.max(0, w.length - n + 1) }, (_, i) =>
    w.slice(i, i + n).join(' '),
  );
}

/** At least half the letters are Latin: one policy of the labelled batches is in Korean. */
function mostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return (text.match(/[A-Za-z]/g)?.length ?? 0) >= letters / 2;
}

/** The head of a label code of scripts/data/app350-labels: the opp-style codes of build.ts. */
function codeHead(code: string): HeadId | undefined {
  const subtype = OTHER_TYPE[code];
  if (subtype) return `other/${subtype}`;
  return code === 'ot' ? undefined : CAT[code];
}

export const APP350_LABELS_DIR = fileURLToPath(new URL('../data/app350-labels/', import.meta.url));

/**
 * APP-350 training-policy segments labelled with PrivacyGLUE's 12 labels by helper agents
 * (scripts/data/app350-labels/*.txt: `<policy>-<segment>\t<codes or ->`; the text stays in
 * ../shared/data). Segments labelled `-` are left out, as PrivacyGLUE leaves out OPP-115's
 * unlabelled segments; so are non-English segments and near-copies of any OPP-115 segment (some
 * app policies reuse a website policy's text): none may stand in for a tuning or test segment,
 * of either split, and OPP-115's own labels come first for its texts.
 */
export function loadApp350Labelled(weight: number): Example[] {
  // Parsed once per process: the near-copy check hashes every OPP-115 segment (about 1 s).
  app350Labelled ??= readApp350Labelled();
  return app350Labelled.map((ex) => ({ ...ex, weight }));
}

let app350Labelled: Example[] | undefined;

function readApp350Labelled(): Example[] {
  if (!existsSync(APP350_LABELS_DIR)) return [];
  const opp = [...loadPglue('train'), ...loadPglue('validation'), ...loadPglue('test')];
  const held = new Set(opp.flatMap((e) => ngrams(e.text)));
  const nearCopy = (t: string): boolean => {
    const g = ngrams(t);
    return g.length > 0 && g.filter((x) => held.has(x)).length >= g.length / 2;
  };
  const text = new Map<string, string>();
  for (const r of readJsonl<App350Record>(sharedDataPath('app350/train.jsonl')))
    text.set(`${r.policy}-${r.segment}`, r.text.split(/\s+/).filter(Boolean).join(' '));
  const out: Example[] = [];
  for (const f of readdirSync(APP350_LABELS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    for (const line of readFileSync(join(APP350_LABELS_DIR, f), 'utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('//')) continue;
      const [id = '', codes = ''] = line.split('\t');
      const t = text.get(id.trim());
      if (t === undefined) throw new Error(`${f}: unknown APP-350 segment ${id}`);
      if (codes.trim() === '-' || nearCopy(t) || !mostlyLatin(t)) continue;
      const y = emptyTargets(0);
      for (const c of codes.split(',')) {
        const head = codeHead(c.trim());
        if (!head) throw new Error(`${f}: unknown label code "${c}" on ${id}`);
        y[headIndex(head)] = 1;
      }
      setOther(y);
      out.push({ text: t, doc: `app350-${id.split('-')[0]}`, y, weight: 1 });
    }
  }
  return out;
}
