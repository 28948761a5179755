/**
 * Builds data/ood/eval.jsonl, data/ood/tables.jsonl (both evaluation only),
 * data/train-extra/modern-policies.jsonl and data/opp-style/segments.jsonl from the hand-written
 * policy texts in scripts/data/ood/src/{eval,tables,train,opp-style}/*.txt.
 *
 * Source format (one record per line, in reading order):
 *   @ <doc-id>                 starts a new fictional policy
 *   # <text>                   a heading line (no labels: under six words, not scored)
 *   #<cats>> <text>            a heading of six words or more, which TAXONOMY.md scores like a
 *                              paragraph: labelled with the practice it announces
 *   <cats>[/<sens>]> <text>    a paragraph; cats and sens are comma-separated short codes
 *   // ...                     comment; blank lines are ignored
 * In opp-style/ (OPP-115-style segments, headings inline) `other` is always given by its
 * PrivacyGLUE subtype: `in` introductory/generic, `pnc` practice not covered, `ct` privacy
 * contact information; every row there carries `otherTypes` (possibly empty).
 *
 * Run: npx tsx scripts/data/ood/build.ts
 * Output files are written to a temporary name and then renamed (atomic for readers).
 */
import { readFileSync, readdirSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CATEGORY_IDS,
  SENSITIVE_IDS,
  type CategoryId,
  type SensitiveId,
} from '../../../src/core/taxonomy';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = fileURLToPath(new URL('./src/', import.meta.url));

/** Short category codes of the sources (also the codes of scripts/data/app350-labels). */
export const CAT: Record<string, CategoryId> = {
  fp: 'first-party-collection',
  tp: 'third-party-sharing',
  ch: 'user-choice',
  ac: 'user-access',
  re: 'data-retention',
  se: 'data-security',
  pc: 'policy-change',
  dnt: 'do-not-track',
  sa: 'specific-audiences',
  ot: 'other',
};
const SENS: Record<string, SensitiveId> = {
  loc: 'location',
  bio: 'biometric',
  hea: 'health',
  fin: 'financial',
  gov: 'government-id',
  con: 'contacts',
  com: 'communications',
  dev: 'device-identifiers',
  kid: 'children',
  spc: 'special-categories',
};

/** PrivacyGLUE's subtypes of `other`, as the opp-style set labels them. */
export const OTHER_TYPE: Record<string, OtherType> = {
  in: 'introductory',
  pnc: 'practice-not-covered',
  ct: 'contact',
};
export type OtherType = 'introductory' | 'practice-not-covered' | 'contact';

export interface Row {
  doc: string;
  text: string;
  heading?: true;
  categories: CategoryId[];
  sensitive: SensitiveId[];
  /** Set (possibly empty) when the subtypes of `other` are known: the opp-style set. */
  otherTypes?: OtherType[];
}

function codes<T extends string>(spec: string, table: Record<string, T>, where: string): T[] {
  if (spec.trim() === '') return [];
  const out: T[] = [];
  for (const raw of spec.split(',')) {
    const c = raw.trim();
    const id = table[c] ?? (Object.values(table).includes(c as T) ? (c as T) : undefined);
    if (!id) throw new Error(`${where}: unknown label code "${c}"`);
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** Whether a heading line is scored (TAXONOMY.md): six words or more; shorter ones are not. */
export function isScoredHeading(text: string): boolean {
  return text.trim().split(/\s+/).length >= 6;
}

export function parseSource(file: string, withOtherTypes = false): Row[] {
  const rows: Row[] = [];
  let doc = '';
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const where = `${file}:${i + 1}`;
      const t = line.trim();
      if (t === '' || t.startsWith('//')) return;
      if (t.startsWith('@ ')) {
        doc = t.slice(2).trim();
        return;
      }
      if (!doc) throw new Error(`${where}: text before any @ doc line`);
      const labelled = /^#([a-z,\- ]+)> (.+)$/.exec(t);
      if (labelled) {
        const categories = codes(labelled[1] ?? '', CAT, where);
        categories.sort((a, b) => CATEGORY_IDS.indexOf(a) - CATEGORY_IDS.indexOf(b));
        rows.push({
          doc,
          text: (labelled[2] ?? '').trim(),
          heading: true,
          categories,
          sensitive: [],
        });
        return;
      }
      if (t.startsWith('# ')) {
        rows.push({ doc, text: t.slice(2).trim(), heading: true, categories: [], sensitive: [] });
        return;
      }
      const m = /^([a-z,\- ]+)(?:\/([a-z,\- ]*))?> (.+)$/.exec(t);
      if (!m) throw new Error(`${where}: cannot parse line`);
      const spec = (m[1] ?? '').split(',').map((c) => c.trim());
      const otherTypes = withOtherTypes
        ? codes(spec.filter((c) => c in OTHER_TYPE).join(','), OTHER_TYPE, where)
        : undefined;
      if (withOtherTypes && spec.includes('ot')) throw new Error(`${where}: give ot's subtype`);
      const categories = codes(
        spec.map((c) => (withOtherTypes && c in OTHER_TYPE ? 'ot' : c)).join(','),
        CAT,
        where,
      );
      const sensitive = codes(m[2] ?? '', SENS, where);
      if (categories.length === 0) throw new Error(`${where}: paragraph without a category`);
      // keep taxonomy order for stable output
      categories.sort((a, b) => CATEGORY_IDS.indexOf(a) - CATEGORY_IDS.indexOf(b));
      sensitive.sort((a, b) => SENSITIVE_IDS.indexOf(a) - SENSITIVE_IDS.indexOf(b));
      rows.push({ doc, text: (m[3] ?? '').trim(), categories, sensitive, otherTypes });
    });
  return rows;
}

/** The sets this script builds: source folder under src/ → output file under the repo root. */
export const SETS = {
  eval: 'data/ood/eval.jsonl',
  tables: 'data/ood/tables.jsonl',
  train: 'data/train-extra/modern-policies.jsonl',
  'opp-style': 'data/opp-style/segments.jsonl',
} as const;
export type SetName = keyof typeof SETS;

/** All rows of one set, its sources in file-name order; each doc's lines must be contiguous. */
export function setRows(set: SetName): Row[] {
  const dir = SRC + set + '/';
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const rows = files.flatMap((f) => parseSource(dir + f, set === 'opp-style'));
  const seen = new Set<string>();
  let prev = '';
  for (const r of rows) {
    if (r.doc !== prev) {
      if (seen.has(r.doc)) throw new Error(`${set}: doc ${r.doc} is not contiguous`);
      seen.add(r.doc);
      prev = r.doc;
    }
  }
  return rows;
}

/** The file a set is written to, one JSON object per line. */
export const serialise = (rows: Row[]): string =>
  rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

function write(set: SetName): Row[] {
  const rows = setRows(set);
  const path = ROOT + SETS[set];
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, serialise(rows));
  renameSync(tmp, path);
  console.log(`${SETS[set]}: ${rows.length} lines, ${new Set(rows.map((r) => r.doc)).size} docs`);
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [evalRows, tableRows, trainRows, oppStyleRows] = (Object.keys(SETS) as SetName[]).map(
    write,
  );
  const heldOutDocs = new Set([...evalRows!, ...tableRows!].map((r) => r.doc));
  for (const r of [...trainRows!, ...oppStyleRows!])
    if (heldOutDocs.has(r.doc)) throw new Error(`doc id ${r.doc} in training and evaluation sets`);
}
