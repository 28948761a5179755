/**
 * `npm run --silent analyze -- <file.html|file.txt> [--json]` (issue 6): classifies every
 * paragraph of one policy with the shipped model and prints a readable summary, or the
 * per-paragraph analysis as JSON.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeParagraphs, withHeadingContext } from '../src/core/analyze';
import { CATEGORY_IDS, CATEGORY_INFO, SENSITIVE_IDS, SENSITIVE_INFO } from '../src/core/taxonomy';
import { policyToParagraphs } from './lib/policy-text';
import { exitQuietlyWhenPipeCloses } from './lib/pipe';
import { loadShippedModel } from './train/shipped';

exitQuietlyWhenPipeCloses();

const args = process.argv.slice(2);
const json = args.includes('--json');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run --silent analyze -- <file.html|file.txt> [--json]');
  process.exit(2);
}

const paragraphs = withHeadingContext(policyToParagraphs(file, readFileSync(file, 'utf8')));
const results = analyzeParagraphs(loadShippedModel(), paragraphs);
const rows = paragraphs.map((p, i) => ({ ...p, ...results[i] }));
const scored = rows.filter((r) => !r.isHeading);

const count = <T extends string>(
  ids: readonly T[],
  pick: (r: (typeof rows)[number]) => T[],
): Record<T, number> =>
  Object.fromEntries(
    ids.map((id) => [id, scored.filter((r) => pick(r).includes(id)).length]),
  ) as Record<T, number>;
const categories = count(CATEGORY_IDS, (r) => r.categories ?? []);
const sensitive = count(SENSITIVE_IDS, (r) => r.sensitive ?? []);

if (json) {
  process.stdout.write(
    JSON.stringify(
      { file: basename(file), paragraphs: rows, summary: { categories, sensitive } },
      null,
      2,
    ) + '\n',
  );
} else {
  const excerpt = (t: string): string => (t.length > 110 ? `${t.slice(0, 107)}...` : t);
  console.log(
    `${basename(file)}: ${scored.length} paragraphs, ${rows.length - scored.length} headings\n`,
  );
  console.log('Practices (paragraphs):');
  for (const id of CATEGORY_IDS) {
    if (categories[id] === 0) continue;
    console.log(`  ${CATEGORY_INFO[id].name.padEnd(22)} ${String(categories[id]).padStart(4)}`);
    const best = scored
      .filter((r) => r.categories?.includes(id))
      .sort((a, b) => (b.scores?.[id] ?? 0) - (a.scores?.[id] ?? 0))[0];
    if (best) console.log(`      e.g. "${excerpt(best.text)}"`);
  }
  const found = SENSITIVE_IDS.filter((id) => sensitive[id] > 0);
  console.log(`\nSensitive data: ${found.length ? '' : 'none found'}`);
  for (const id of found)
    console.log(`  ${SENSITIVE_INFO[id].name.padEnd(22)} ${String(sensitive[id]).padStart(4)}`);
  const missing = CATEGORY_IDS.filter((id) => id !== 'other' && categories[id] === 0);
  if (missing.length)
    console.log(`\nNot addressed: ${missing.map((id) => CATEGORY_INFO[id].name).join(', ')}`);
}
