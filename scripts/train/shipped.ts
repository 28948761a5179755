/** Loads the committed model file the extension ships. */
import { readFileSync } from 'node:fs';
import { loadModel, type Model } from '../../src/core/classifier/index';
import { MODEL_PATH } from './paths';

export function loadShippedModel(): Model {
  return loadModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as unknown);
}
