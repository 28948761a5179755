/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (alphabetical) and prints its figures.
 * Each module exports `title` and `run(): Promise<void>`; a module that needs ../shared/data
 * says so and is skipped when that folder is absent (it is always present in CI).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

interface BenchModule {
  title: string;
  run(): Promise<void>;
}

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  console.log(`\n=== ${mod.title} (${file}) ===`);
  await mod.run();
}
