/** Public API of the paragraph classifier (issue 6): load the shipped weights, classify. */
export { loadModel, HEAD_IDS, MODEL_FORMAT, MODEL_VERSION, OTHER_SUBTYPE_HEADS } from './model';
export type { Model, ModelFile, HeadId } from './model';
export {
  classifyParagraphs,
  headScores,
  headLogits,
  headLogitParts,
  mixSentences,
  scoresFromLogits,
} from './classify';
export type { ClassifyOptions } from './classify';
export { extractFeatures, featureKeys, tokenizeParagraph, vectorOf } from './features';
export { sentenceRanges } from './sentences';
export type { FeatureConfig, FeatureSource, SparseVector, WordEntry } from './features';
export { withHeadingContext } from './context';
