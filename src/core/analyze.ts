/**
 * Everything the extension shows about a paragraph: practice categories from the classifier and
 * sensitive data types with their phrases from the detector (issue 6). Same code in the
 * background worker and in the Node CLI.
 */
import { classifyParagraphs, type ClassifyOptions, type Model } from './classifier/index';
import { detectSensitive } from './sensitive/index';
import type { ParagraphAnalysis, ParagraphInput } from './types';

export { withHeadingContext } from './classifier/index';

export function analyzeParagraphs(
  model: Model,
  paragraphs: ParagraphInput[],
  options: ClassifyOptions = {},
): ParagraphAnalysis[] {
  const categories = classifyParagraphs(model, paragraphs, options);
  return paragraphs.map((p, i) => {
    const sensitive = detectSensitive(p.text);
    return {
      ...(categories[i] as (typeof categories)[number]),
      sensitive: sensitive.types,
      spans: sensitive.spans,
    };
  });
}
