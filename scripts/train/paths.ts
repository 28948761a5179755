/** Where the shipped model and its training report live. */
import { fileURLToPath } from 'node:url';

export const MODEL_PATH = fileURLToPath(
  new URL('../../src/model/classifier.json', import.meta.url),
);
export const METRICS_PATH = fileURLToPath(new URL('../../src/model/metrics.json', import.meta.url));
