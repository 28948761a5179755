/**
 * `npm run package`: builds both targets from the same source, lints the Firefox build with
 * web-ext (any error fails), zips each build into packages/ for the Chrome Web Store and AMO, and
 * prints a size report: bytes per extension context (content script, background with the model,
 * popup, options, chunks they share), the model raw and gzipped, the zips, and what a page that is
 * not a policy pays (the content script, which is all that runs there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = join(ROOT, 'packages');
const MODEL = join(ROOT, 'src/model/classifier.json');

interface Manifest {
  version: string;
  background: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page: string };
}

function run(cmd: string, args: string[]): string {
  console.log(`▶ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    throw new Error(`${cmd} ${args.join(' ')} failed with status ${result.status}`);
  }
  return result.stdout;
}

/** Lints dist-firefox as AMO would; errors fail the packaging, warnings are listed. */
function lintFirefox(): { errors: number; warnings: string[] } {
  const result = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--self-hosted', '--output', 'json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const json = result.stdout.slice(result.stdout.indexOf('{'));
  const report = JSON.parse(json) as {
    errors: { code: string; message: string; file?: string }[];
    warnings: { code: string; message: string; file?: string }[];
  };
  for (const e of report.errors)
    console.error(`  web-ext error ${e.code}: ${e.message} (${e.file ?? ''})`);
  return {
    errors: report.errors.length,
    warnings: report.warnings.map((w) => `${w.code} in ${w.file ?? '?'}: ${w.message}`),
  };
}

function zip(sourceDir: string, filename: string): string {
  run('npx', [
    'web-ext',
    'build',
    '--source-dir',
    sourceDir,
    '--artifacts-dir',
    PACKAGES,
    '--filename',
    filename,
    '--overwrite-dest',
  ]);
  return join(PACKAGES, filename);
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** A file and every module it imports, statically or dynamically, relative to the build root. */
function moduleGraph(dist: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      const spec = m[1]!;
      visit(
        spec.startsWith('/')
          ? spec.slice(1)
          : posix.normalize(posix.join(posix.dirname(file), spec)),
      );
    }
  };
  entries.forEach(visit);
  return seen;
}

/** The scripts and stylesheets an extension page loads, and their imports. */
function pageGraph(dist: string, page: string): Set<string> {
  const html = readFileSync(join(dist, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => {
    const ref = m[1]!;
    return ref.startsWith('/')
      ? ref.slice(1)
      : posix.normalize(posix.join(posix.dirname(page), ref));
  });
  const graph = moduleGraph(
    dist,
    refs.filter((r) => r.endsWith('.js')),
  );
  for (const r of refs) if (r.endsWith('.css')) graph.add(r);
  graph.add(page);
  return graph;
}

interface Sizes {
  raw: number;
  gzip: number;
}

function sizeOf(dist: string, files: Iterable<string>): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gzip += gz(bytes);
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const ANNOTATOR = 'src/content/annotator.js';

function contexts(dist: string, manifest: Manifest): Map<string, Set<string>> {
  const background = manifest.background.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background.scripts ?? []);
  const out = new Map<string, Set<string>>();
  const content = (manifest.content_scripts ?? []).flatMap((c) => [
    ...(c.js ?? []),
    ...(c.css ?? []),
  ]);
  out.set('content script: detector', moduleGraph(dist, content));
  // Injected by the background only into policies (scripting.executeScript), not in the manifest.
  out.set('content script: annotator', moduleGraph(dist, [ANNOTATOR]));
  out.set('background (incl. model)', moduleGraph(dist, background));
  if (manifest.action?.default_popup)
    out.set('popup', pageGraph(dist, manifest.action.default_popup));
  if (manifest.options_ui) out.set('options', pageGraph(dist, manifest.options_ui.page));
  return out;
}

function report(label: string, dist: string, zipFile: string): void {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest;
  const byContext = contexts(dist, manifest);
  const users = new Map<string, string[]>();
  for (const [name, files] of byContext) {
    for (const f of files) users.set(f, [...(users.get(f) ?? []), name]);
  }
  const shared = [...users].filter(([, u]) => u.length > 1).map(([f]) => f);
  console.log(`\n${label} (${relative(ROOT, dist)}/)`);
  console.log(
    `  ${'context'.padEnd(26)} ${'own raw'.padStart(10)} ${'own gzip'.padStart(10)}   with shared chunks (raw / gzip)`,
  );
  for (const [name, files] of byContext) {
    const own = sizeOf(
      dist,
      [...files].filter((f) => users.get(f)!.length === 1),
    );
    const all = sizeOf(dist, files);
    console.log(
      `  ${name.padEnd(26)} ${kb(own.raw).padStart(10)} ${kb(own.gzip).padStart(10)}   ${kb(all.raw)} / ${kb(all.gzip)}`,
    );
  }
  const sharedSize = sizeOf(dist, shared);
  console.log(
    `  ${'shared chunks'.padEnd(26)} ${kb(sharedSize.raw).padStart(10)} ${kb(sharedSize.gzip).padStart(10)}   ${shared.map((f) => `${posix.basename(f)} (${users.get(f)!.join(', ')})`).join('; ')}`,
  );
  console.log(`  zip ${relative(ROOT, zipFile)}: ${kb(statSync(zipFile).size)}`);
}

function main(): void {
  const version = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  run('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']);
  console.log('▶ web-ext lint --source-dir dist-firefox --self-hosted');
  const lint = lintFirefox();
  console.log(`  ${lint.errors} errors, ${lint.warnings.length} warnings`);
  for (const w of lint.warnings) console.log(`  warning: ${w.slice(0, 200)}`);
  if (lint.errors > 0) throw new Error('web-ext lint found errors in dist-firefox');

  const chromeZip = zip(join(ROOT, 'dist'), `fineprint-chrome-${version}.zip`);
  const firefoxZip = zip(join(ROOT, 'dist-firefox'), `fineprint-firefox-${version}.zip`);

  console.log('\n=== Size report ===');
  const model = readFileSync(MODEL);
  console.log(
    `model (src/model/classifier.json, bundled into the background only): ${kb(model.length)} raw, ${kb(gz(model))} gzipped`,
  );
  report('Chrome', join(ROOT, 'dist'), chromeZip);
  report('Firefox', join(ROOT, 'dist-firefox'), firefoxZip);

  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/manifest.json'), 'utf8')) as Manifest;
  const content = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const paid = sizeOf(join(ROOT, 'dist'), content);
  console.log(
    `\nA page that is not a policy loads only the detector content script (${content.join(', ')}): ` +
      `${kb(paid.raw)} raw, ${kb(paid.gzip)} gzipped; no model, no other chunk, no request.`,
  );
  console.log(
    `\nPackages in ${relative(ROOT, PACKAGES)}/: ${posix.basename(chromeZip)}, ${posix.basename(firefoxZip)}`,
  );
}

main();
