/**
 * The classifier inside the background. Inference runs here, not in the page: the model
 * (hundreds of KB) is never parsed on a page that is not a policy, classification never competes
 * with the page's own main-thread work, and one loaded copy serves every tab. The weights are
 * bundled with the extension; nothing is fetched.
 */
import modelData from '../model/classifier.json';
import { loadModel, type Model } from '../core/classifier';
import { analyzeParagraphs } from '../core/analyze';
import type { ParagraphAnalysis, ParagraphInput } from '../core/types';

let model: Model | null = null;

export function getModel(): Model {
  model ??= loadModel(modelData);
  return model;
}

export function classify(
  paragraphs: ParagraphInput[],
  thresholdOffset: number,
): ParagraphAnalysis[] {
  return analyzeParagraphs(getModel(), paragraphs, { thresholdOffset });
}
