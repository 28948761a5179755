/**
 * Validates and counts the hand-written modern-policy sets: data/ood/eval.jsonl and
 * data/ood/tables.jsonl (evaluation only) and data/train-extra/modern-policies.jsonl (training).
 * Fails (exit 1) on: unparsable lines, unknown label ids, non-heading lines without a category,
 * headings with labels, docs that are not contiguous, doc ids or texts shared between the files,
 * and duplicate texts within a file.
 *
 * Run: npx tsx scripts/data/ood-stats.ts [--markdown] [--write-readme]
 *   --markdown       print the count tables as Markdown instead of JSON
 *   --write-readme   also replace the tables between the stats markers in data/ood/README.md
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATEGORY_IDS, SENSITIVE_IDS } from '../../src/core/taxonomy';
import { isScoredHeading } from './ood/build';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILES = {
  eval: 'data/ood/eval.jsonl',
  tables: 'data/ood/tables.jsonl',
  train: 'data/train-extra/modern-policies.jsonl',
} as const;
type SetName = keyof typeof FILES;

interface Row {
  doc: string;
  text: string;
  heading?: boolean;
  categories: string[];
  sensitive: string[];
}

const errors: string[] = [];
const catSet = new Set<string>(CATEGORY_IDS);
const sensSet = new Set<string>(SENSITIVE_IDS);
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

function load(set: SetName): Row[] {
  const rows: Row[] = [];
  readFileSync(ROOT + FILES[set], 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${FILES[set]}:${i + 1}`;
      let r: Row;
      try {
        r = JSON.parse(line) as Row;
      } catch {
        errors.push(`${where}: not JSON`);
        return;
      }
      if (typeof r.doc !== 'string' || !r.doc) errors.push(`${where}: missing doc`);
      if (typeof r.text !== 'string' || !r.text.trim()) errors.push(`${where}: missing text`);
      if (!Array.isArray(r.categories) || !Array.isArray(r.sensitive)) {
        errors.push(`${where}: categories/sensitive must be arrays`);
        return;
      }
      for (const c of r.categories)
        if (!catSet.has(c)) errors.push(`${where}: unknown category "${c}"`);
      for (const s of r.sensitive)
        if (!sensSet.has(s)) errors.push(`${where}: unknown sensitive type "${s}"`);
      if (new Set(r.categories).size !== r.categories.length)
        errors.push(`${where}: repeated category`);
      if (new Set(r.sensitive).size !== r.sensitive.length)
        errors.push(`${where}: repeated sensitive type`);
      if (r.heading === true) {
        // Headings of six words or more are scored (TAXONOMY.md) and so carry the practice they
        // announce; shorter ones carry none.
        const scored = isScoredHeading(r.text);
        if (r.sensitive.length) errors.push(`${where}: heading with sensitive labels`);
        if (!scored && r.categories.length) errors.push(`${where}: short heading with labels`);
        if (scored && !r.categories.length) errors.push(`${where}: long heading without a label`);
      } else {
        if (r.heading !== undefined) errors.push(`${where}: "heading" must be true or absent`);
        if (r.categories.length === 0) errors.push(`${where}: paragraph without a category`);
      }
      rows.push(r);
    });
  // docs contiguous, texts unique
  const seenDocs = new Set<string>();
  let prev = '';
  const texts = new Map<string, string>();
  for (const r of rows) {
    if (r.doc !== prev) {
      if (seenDocs.has(r.doc)) errors.push(`${FILES[set]}: doc ${r.doc} not contiguous`);
      seenDocs.add(r.doc);
      prev = r.doc;
    }
    if (r.heading) continue;
    const k = norm(r.text);
    const other = texts.get(k);
    if (other !== undefined)
      errors.push(
        `${FILES[set]}: duplicate text in ${other} and ${r.doc}: "${r.text.slice(0, 60)}"`,
      );
    else texts.set(k, r.doc);
  }
  return rows;
}

const SETS = Object.keys(FILES) as SetName[];
const data = Object.fromEntries(SETS.map((set) => [set, load(set)])) as Record<SetName, Row[]>;

// Every pair of files is disjoint: doc ids, and paragraph texts (headings are not compared).
for (const [i, a] of SETS.entries()) {
  const docs = new Set(data[a].map((r) => r.doc));
  const texts = new Set(data[a].filter((r) => !r.heading).map((r) => norm(r.text)));
  for (const b of SETS.slice(i + 1)) {
    for (const d of new Set(data[b].map((r) => r.doc)))
      if (docs.has(d)) errors.push(`doc id ${d} in both ${a} and ${b}`);
    for (const r of data[b])
      if (!r.heading && texts.has(norm(r.text)))
        errors.push(`text in both ${a} and ${b}: "${r.text.slice(0, 60)}"`);
  }
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function stats(set: SetName) {
  const rows = data[set];
  const paras = rows.filter((r) => !r.heading);
  const cat = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<string, number>;
  const sens = Object.fromEntries(SENSITIVE_IDS.map((s) => [s, 0])) as Record<string, number>;
  for (const r of paras) {
    for (const c of r.categories) cat[c] = (cat[c] ?? 0) + 1;
    for (const s of r.sensitive) sens[s] = (sens[s] ?? 0) + 1;
  }
  const lens = paras.map((r) => words(r.text)).sort((a, b) => a - b);
  return {
    docs: new Set(rows.map((r) => r.doc)).size,
    lines: rows.length,
    headings: rows.length - paras.length,
    paragraphs: paras.length,
    multiLabel: paras.filter((r) => r.categories.length > 1).length,
    withSensitive: paras.filter((r) => r.sensitive.length > 0).length,
    words: {
      min: lens[0] ?? 0,
      median: lens[Math.floor(lens.length / 2)] ?? 0,
      max: lens[lens.length - 1] ?? 0,
    },
    cat,
    sens,
  };
}

const s = Object.fromEntries(SETS.map((set) => [set, stats(set)])) as Record<
  SetName,
  ReturnType<typeof stats>
>;

function markdown(): string {
  const row = (name: string, cell: (set: SetName) => string | number): string =>
    `| ${name} | ${SETS.map((set) => String(cell(set))).join(' | ')} |`;
  const head = (first: string): string[] => [
    `| ${first} | ${SETS.join(' | ')} |`,
    `|---|${SETS.map(() => '---:').join('|')}|`,
  ];
  const out: string[] = head('');
  for (const k of [
    'docs',
    'lines',
    'headings',
    'paragraphs',
    'multiLabel',
    'withSensitive',
  ] as const)
    out.push(row(k, (set) => s[set][k]));
  out.push(
    row('words per paragraph (min / median / max)', (set) => {
      const w = s[set].words;
      return `${w.min} / ${w.median} / ${w.max}`;
    }),
  );
  out.push('', ...head('category'));
  for (const c of CATEGORY_IDS) out.push(row(`\`${c}\``, (set) => s[set].cat[c] ?? 0));
  out.push('', ...head('sensitive type'));
  for (const t of SENSITIVE_IDS) out.push(row(`\`${t}\``, (set) => s[set].sens[t] ?? 0));
  return out.join('\n');
}

if (process.argv.includes('--markdown')) console.log(markdown());
else console.log(JSON.stringify(s, null, 2));

if (process.argv.includes('--write-readme') && errors.length === 0) {
  const readme = ROOT + 'data/ood/README.md';
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- stats:start -->';
  const end = '<!-- stats:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    errors.push('data/ood/README.md has no stats markers');
  } else {
    const tmp = `${readme}.tmp-${process.pid}`;
    writeFileSync(tmp, `${text.slice(0, a + start.length)}\n\n${markdown()}\n\n${text.slice(b)}`);
    renameSync(tmp, readme);
    console.error('updated data/ood/README.md');
  }
}

if (errors.length) {
  for (const e of errors.slice(0, 50)) console.error('ERROR ' + e);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
