/**
 * A private copy of the built extension for one long real-browser suite: Chromium loads the
 * extension's files lazily (service worker chunks, popup), so a `vite build` run meanwhile (by a
 * developer, or another suite) would otherwise swap files under a running browser.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR } from './extension';

export function copyDist(): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'fineprint-dist-'));
  const dir = join(root, 'dist');
  cpSync(DIST_DIR, dir, { recursive: true });
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error('dist/ is incomplete: build again');
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
