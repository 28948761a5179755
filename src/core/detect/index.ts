/** Pure privacy-policy page detection: no DOM, so it runs in tests, scripts and any context. */
export type { PageSignals } from './signals';
export {
  scorePolicyPage,
  featureValues,
  FEATURES,
  POLICY_THRESHOLD,
  type PolicyScore,
} from './score';
export { countWords, normalizeSpace } from './words';
