/**
 * `npm run --silent classify < in.jsonl > out.jsonl` (issue 6). Each input line is
 * `{"text": "...", "doc"?: "...", "heading"?: true | "..."}`; each output line is the same object
 * plus categories, sensitive, scores and spans from the shipped model, in input order.
 * Consecutive lines with the same `doc` are one policy in reading order, so a paragraph gets the
 * heading it sits under. A bad line gets `{"error": ...}` on its own line; the run goes on.
 */
import { readFileSync } from 'node:fs';
import { analyzeParagraphs, withHeadingContext } from '../src/core/analyze';
import type { ParagraphInput } from '../src/core/types';
import { exitQuietlyWhenPipeCloses } from './lib/pipe';
import { loadShippedModel } from './train/shipped';

exitQuietlyWhenPipeCloses();

type Line =
  | { ok: true; record: Record<string, unknown>; input: ParagraphInput }
  | { ok: false; error: string };

function parseLine(line: string): Line {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'each line must be a JSON object' };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return { ok: false, error: 'missing or non-string "text"' };
  const input: ParagraphInput = { text: record.text };
  if (record.heading === true) input.isHeading = true;
  if (typeof record.heading === 'string') input.heading = record.heading;
  return { ok: true, record, input };
}

/** Heading context within each run of consecutive valid lines sharing a `doc`. */
function withContext(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as Line;
    const doc = first.ok ? first.record.doc : undefined;
    let j = i + 1;
    if (typeof doc === 'string') {
      while (j < lines.length) {
        const l = lines[j] as Line;
        if (!l.ok || l.record.doc !== doc) break;
        j++;
      }
      const run = lines.slice(i, j) as Extract<Line, { ok: true }>[];
      withHeadingContext(run.map((l) => l.input)).forEach(
        (p, k) => ((run[k] as (typeof run)[number]).input = p),
      );
    }
    i = j;
  }
}

const raw = readFileSync(0, 'utf8').split('\n');
if (raw.at(-1) === '') raw.pop();
const lines = raw.map((l) =>
  l.trim() === '' ? ({ ok: false, error: 'empty line' } as Line) : parseLine(l),
);
withContext(lines);
const valid = lines.filter((l): l is Extract<Line, { ok: true }> => l.ok);
const results = analyzeParagraphs(
  loadShippedModel(),
  valid.map((l) => l.input),
);
const out: string[] = [];
let k = 0;
for (const l of lines) {
  if (!l.ok) {
    out.push(JSON.stringify({ error: l.error }));
    continue;
  }
  const r = results[k++];
  if (!r) throw new Error('internal: result count mismatch');
  out.push(
    JSON.stringify({
      ...l.record,
      categories: r.categories,
      sensitive: r.sensitive,
      scores: r.scores,
      spans: r.spans,
    }),
  );
}
process.stdout.write(out.length ? out.join('\n') + '\n' : '');
