/** Shapes shared by the classifier, the sensitive-data detector and every context that shows them. */
import type { CategoryId, SensitiveId } from './taxonomy';

/** One paragraph of a policy in reading order, with the heading it sits under when known. */
export interface ParagraphInput {
  text: string;
  /** Text of the nearest heading above this paragraph, if any. */
  heading?: string | undefined;
  /** True when this block is itself a heading (h1–h6 or equivalent). */
  isHeading?: boolean | undefined;
}

/** A phrase that shows a sensitive data type; offsets are UTF-16 indices into the paragraph text. */
export interface SensitiveSpan {
  type: SensitiveId;
  start: number;
  end: number;
}

export interface SensitiveResult {
  /** Paragraph-level decision: types whose collection/use/sharing the paragraph affirms. */
  types: SensitiveId[];
  /** Affirmed phrases only (negated mentions such as "we do not collect your IMEI" are left out). */
  spans: SensitiveSpan[];
}

export interface CategoryResult {
  /** Categories whose calibrated score passes the per-label threshold. */
  categories: CategoryId[];
  /** Calibrated probability per category, 0..1. */
  scores: Record<CategoryId, number>;
}

export type ParagraphAnalysis = CategoryResult & {
  sensitive: SensitiveId[];
  spans: SensitiveSpan[];
};
