/**
 * Builds data/sensitive/{dev,eval}.jsonl from their hand-written sources (*.src.txt), so gold
 * offsets are computed rather than typed. Format and annotation rules: data/sensitive/README.md.
 *
 *   npx tsx scripts/data/build-sensitive-eval.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isSensitiveId, type SensitiveId } from '../../src/core/taxonomy';
import type { SensitiveSpan } from '../../src/core/types';

export interface SensitiveExample {
  id: string;
  text: string;
  sensitive: SensitiveId[];
  spans: SensitiveSpan[];
}

const DIR = fileURLToPath(new URL('../../data/sensitive/', import.meta.url));
const MARK = /\[\[([a-z-]+):([^\]]+)\]\]|\{\{([a-z-]+)\}\}/g;

function toId(raw: string, where: string): SensitiveId {
  if (!isSensitiveId(raw)) throw new Error(`${where}: unknown sensitive type "${raw}"`);
  return raw;
}

/** Parses one marked-up line into plain text, spans and paragraph labels. */
export function parseLine(line: string, id: string): SensitiveExample {
  let text = '';
  let last = 0;
  const spans: SensitiveSpan[] = [];
  const labels = new Set<SensitiveId>();
  for (const m of line.matchAll(MARK)) {
    text += line.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined && m[2] !== undefined) {
      const type = toId(m[1], id);
      spans.push({ type, start: text.length, end: text.length + m[2].length });
      labels.add(type);
      text += m[2];
    } else if (m[3] !== undefined) {
      labels.add(toId(m[3], id));
    }
  }
  text += line.slice(last);
  // A {{tag}} at the end of the line leaves a trailing space behind; keep offsets valid.
  text = text.replace(/\s+$/, '');
  if (/\[\[|\]\]|\{\{|\}\}/.test(text)) throw new Error(`${id}: unbalanced mark in "${line}"`);
  const sensitive = [...labels].sort();
  return { id, text, sensitive, spans };
}

export function parseSource(source: string): SensitiveExample[] {
  const out: SensitiveExample[] = [];
  const seen = new Set<string>();
  let section = 'p';
  let n = 0;
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      n = 0;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    n += 1;
    const ex = parseLine(line, `${section}-${String(n).padStart(3, '0')}`);
    if (seen.has(ex.text)) throw new Error(`${ex.id}: duplicate paragraph`);
    seen.add(ex.text);
    out.push(ex);
  }
  return out;
}

function build(name: string): void {
  const examples = parseSource(readFileSync(`${DIR}${name}.src.txt`, 'utf8'));
  writeFileSync(`${DIR}${name}.jsonl`, examples.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const positives = examples.filter((e) => e.sensitive.length > 0).length;
  console.log(`${name}: ${examples.length} paragraphs, ${positives} with a sensitive type`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of ['dev', 'eval']) build(name);
}
