/**
 * Sensitive-data detector (issue 6): paragraph-level P/R/F1 per type and span-level P/R on our
 * own sets (data/sensitive/{dev,eval}.jsonl), plus paragraph-level P/R on APP-350 for the three
 * types that corpus annotates (mapping in ../shared/data/README.md) and on OPP-115 segments for
 * the `Personal Information Type` values that match a type one to one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectSensitive } from '../../src/core/sensitive';
import { SENSITIVE_IDS, type SensitiveId } from '../../src/core/taxonomy';
import type { SensitiveResult, SensitiveSpan } from '../../src/core/types';
import { hasSharedData, readJsonl, sharedDataPath } from '../lib/shared-data';

export const title = 'Sensitive-data detector';

export interface GoldExample {
  id: string;
  text: string;
  sensitive: SensitiveId[];
  spans: SensitiveSpan[];
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { tp, fp, fn, p, r, f1 };
}

export function loadSet(name: 'dev' | 'eval'): GoldExample[] {
  const path = fileURLToPath(new URL(`../../data/sensitive/${name}.jsonl`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldExample);
}

export interface SetScore {
  perType: Record<SensitiveId, Prf>;
  /** Macro-F1 over the types that occur in the gold labels or the predictions. */
  macroF1: number;
  micro: Prf;
  spanExact: Prf;
  spanOverlap: { p: number; r: number; f1: number };
}

const overlaps = (a: SensitiveSpan, b: SensitiveSpan): boolean =>
  a.type === b.type && a.start < b.end && b.start < a.end;

export function scoreSet(
  examples: readonly GoldExample[],
  predict: (text: string) => SensitiveResult = detectSensitive,
): SetScore {
  const counts = Object.fromEntries(SENSITIVE_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  let exactTp = 0;
  let predSpans = 0;
  let goldSpans = 0;
  let predHit = 0;
  let goldHit = 0;
  for (const ex of examples) {
    const out = predict(ex.text);
    for (const id of SENSITIVE_IDS) {
      const c = counts[id]!;
      const g = ex.sensitive.includes(id);
      const p = out.types.includes(id);
      if (g && p) c.tp += 1;
      else if (p) c.fp += 1;
      else if (g) c.fn += 1;
    }
    predSpans += out.spans.length;
    goldSpans += ex.spans.length;
    for (const s of out.spans) {
      if (ex.spans.some((g) => g.type === s.type && g.start === s.start && g.end === s.end)) {
        exactTp += 1;
      }
      if (ex.spans.some((g) => overlaps(g, s))) predHit += 1;
    }
    for (const g of ex.spans) if (out.spans.some((s) => overlaps(g, s))) goldHit += 1;
  }
  const perType = Object.fromEntries(
    SENSITIVE_IDS.map((id) => [id, prf(counts[id]!.tp, counts[id]!.fp, counts[id]!.fn)]),
  ) as Record<SensitiveId, Prf>;
  const used = SENSITIVE_IDS.filter((id) => perType[id].tp + perType[id].fp + perType[id].fn > 0);
  const macroF1 = used.reduce((s, id) => s + perType[id].f1, 0) / Math.max(used.length, 1);
  const sum = (k: 'tp' | 'fp' | 'fn'): number => used.reduce((s, id) => s + perType[id][k], 0);
  const op = predSpans === 0 ? 1 : predHit / predSpans;
  const or = goldSpans === 0 ? 1 : goldHit / goldSpans;
  return {
    perType,
    macroF1,
    micro: prf(sum('tp'), sum('fp'), sum('fn')),
    spanExact: prf(exactTp, predSpans - exactTp, goldSpans - exactTp),
    spanOverlap: { p: op, r: or, f1: op + or === 0 ? 0 : (2 * op * or) / (op + or) },
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function printScore(name: string, n: number, s: SetScore): void {
  console.log(`\n${name} (${n} paragraphs), paragraph level:`);
  console.log(`${'type'.padEnd(20)}    P      R     F1   tp  fp  fn`);
  for (const id of SENSITIVE_IDS) {
    const t = s.perType[id];
    const c = `${String(t.tp).padStart(4)}${String(t.fp).padStart(4)}${String(t.fn).padStart(4)}`;
    console.log(`${id.padEnd(20)} ${pct(t.p)}  ${pct(t.r)}  ${pct(t.f1)} ${c}`);
  }
  console.log(`${'macro-F1'.padEnd(20)} ${' '.repeat(14)}${pct(s.macroF1)}`);
  console.log(`${'micro'.padEnd(20)} ${pct(s.micro.p)}  ${pct(s.micro.r)}  ${pct(s.micro.f1)}`);
  const e = s.spanExact;
  console.log(`spans exact:   P ${pct(e.p)}  R ${pct(e.r)}  F1 ${pct(e.f1)}`);
  const o = s.spanOverlap;
  console.log(`spans overlap: P ${pct(o.p)}  R ${pct(o.r)}  F1 ${pct(o.f1)}`);
}

/** APP-350 practices → our types; a segment is positive when the practice is PERFORMED. */
const APP350: Partial<Record<SensitiveId, RegExp>> = {
  location: /^Location/,
  'device-identifiers': /^Identifier_(?:IMEI|IMSI|MAC|SIM_Serial|Device_ID|Ad_ID|SSID_BSSID)_/,
  contacts: /^Contact_Address_Book_/,
};

interface App350Segment {
  text: string;
  performed: string[];
}

interface Opp115Segment {
  text: string;
  data_types: string[];
}

/** OPP-115 `Personal Information Type` (majority, practices not marked "Does Not") → our types. */
const OPP115: Partial<Record<SensitiveId, RegExp>> = {
  location: /^Location$/,
  financial: /^Financial$/,
  health: /^Health$/,
};

/** Paragraph-level P/R for a few types against a corpus's labels; other segments are negatives. */
function corpusTable(
  title: string,
  rows: readonly { text: string; gold: readonly string[] }[],
  mapping: Partial<Record<SensitiveId, RegExp>>,
): void {
  console.log(`\n${title} (${rows.length} segments), paragraph level:`);
  const ids = Object.keys(mapping) as SensitiveId[];
  const counts = ids.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  for (const row of rows) {
    const types = detectSensitive(row.text).types;
    ids.forEach((id, i) => {
      const c = counts[i]!;
      const g = row.gold.some((p) => mapping[id]!.test(p));
      const p = types.includes(id);
      if (g && p) c.tp += 1;
      else if (p) c.fp += 1;
      else if (g) c.fn += 1;
    });
  }
  ids.forEach((id, i) => {
    const c = counts[i]!;
    const t = prf(c.tp, c.fp, c.fn);
    const n = `${String(t.tp).padStart(5)}${String(t.fp).padStart(5)}${String(t.fn).padStart(5)}`;
    console.log(`${id.padEnd(20)} P ${pct(t.p)}  R ${pct(t.r)}  F1 ${pct(t.f1)} ${n}`);
  });
}

function app350(split: 'validation' | 'test'): void {
  const rows = readJsonl<App350Segment>(sharedDataPath(`app350/${split}.jsonl`));
  const gold = rows.map((r) => ({ text: r.text, gold: r.performed }));
  corpusTable(`APP-350 ${split}, PERFORMED practices`, gold, APP350);
}

function opp115(split: 'validation' | 'test'): void {
  const rows = readJsonl<Opp115Segment>(sharedDataPath(`opp115/segments/${split}.jsonl`));
  const gold = rows.map((r) => ({ text: r.text, gold: r.data_types }));
  corpusTable(`OPP-115 ${split} (by policy), majority data types`, gold, OPP115);
}

export async function run(): Promise<void> {
  for (const name of ['dev', 'eval'] as const) {
    const set = loadSet(name);
    printScore(name === 'dev' ? 'dev (tuning set)' : 'eval (held out)', set.length, scoreSet(set));
  }
  if (hasSharedData()) {
    app350('validation');
    app350('test');
    opp115('validation');
    opp115('test');
  }
}
