/** The real shipped model, loaded once per test file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModel, type Model } from '../../../src/core/classifier/index';

export const MODEL_PATH = fileURLToPath(
  new URL('../../../src/model/classifier.json', import.meta.url),
);
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function modelFile(): Record<string, unknown> {
  return JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as Record<string, unknown>;
}

let cached: Model | null = null;
export function shippedModel(): Model {
  cached ??= loadModel(modelFile());
  return cached;
}
