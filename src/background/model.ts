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

/**
 * Loads the model and runs it once while the page is still injecting and segmenting, so the
 * page's classification request finds it parsed and compiled instead of paying that on its clock.
 */
export function warmUp(): void {
  classify([{ text: 'We share your device identifiers with advertising partners.' }], 0);
}
