/** Where ../shared/data lives, and helpers for scripts and tests that need the corpora. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED_DATA_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/**
 * True when ../shared/data is present. In CI it must be: tests that need it may skip (with a
 * printed reason) only on a developer machine without it.
 */
export function hasSharedData(): boolean {
  if (existsSync(SHARED_DATA_DIR)) return true;
  if (process.env.CI)
    throw new Error(`../shared/data is missing at ${SHARED_DATA_DIR}; CI needs it`);
  console.warn(`[skip] ../shared/data not found at ${SHARED_DATA_DIR}; corpus tests skipped`);
  return false;
}

export function sharedDataPath(relative: string): string {
  return SHARED_DATA_DIR + relative;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
