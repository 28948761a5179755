/**
 * Colours of the in-page highlights. Categories use Paul Tol's "muted" qualitative scheme, which
 * stays distinguishable under the common colour-vision deficiencies; each colour is used only as a
 * thin margin bar, so text contrast is the page's own. Sensitive phrases use one amber wash plus an
 * underline, readable on light and dark pages alike.
 */
import type { CategoryId } from './taxonomy';

export const CATEGORY_COLOURS: Record<CategoryId, string> = {
  'third-party-sharing': '#CC6677',
  'first-party-collection': '#332288',
  'specific-audiences': '#117733',
  'data-retention': '#882255',
  'user-access': '#44AA99',
  'user-choice': '#88CCEE',
  'data-security': '#999933',
  'policy-change': '#DDCC77',
  'do-not-track': '#AA4499',
  other: '#BBBBBB',
};

/**
 * When a paragraph has several visible categories its bar takes the colour of the first of these,
 * so the bar always shows the clause's most consequential practice.
 */
export const CATEGORY_PRIORITY: CategoryId[] = [
  'third-party-sharing',
  'first-party-collection',
  'specific-audiences',
  'data-retention',
  'user-access',
  'user-choice',
  'data-security',
  'policy-change',
  'do-not-track',
  'other',
];
