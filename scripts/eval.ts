/**
 * `npm run eval`: runs every evaluation in scripts/eval/ (alphabetical) and prints its tables.
 * Each module exports `title` and `run(): Promise<void>`; a module that needs ../shared/data
 * says so and is skipped when that folder is absent (it is always present in CI).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { exitQuietlyWhenPipeCloses } from './lib/pipe';

exitQuietlyWhenPipeCloses();

interface EvalModule {
  title: string;
  run(): Promise<void>;
}

const dir = fileURLToPath(new URL('./eval/', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as EvalModule;
  console.log(`\n=== ${mod.title} (${file}) ===`);
  await mod.run();
}
