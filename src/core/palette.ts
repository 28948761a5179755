/**
 * Colours of the in-page highlights. Categories use Paul Tol's "muted" qualitative scheme, which
 * stays distinguishable under the common colour-vision deficiencies; each colour is used only as a
 * thin margin bar, so text contrast is the page's own. Sensitive phrases use one amber wash plus an
 * underline, readable on light and dark pages alike.
 */
import type { CategoryId } from './taxonomy';
import type { Palette } from './settings';

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

/**
 * The "high contrast" option: saturated colours from the same colour-blind-safe families, wider
 * bars, and a solid yellow wash with a black underline for sensitive phrases.
 */
export const HIGH_CONTRAST_COLOURS: Record<CategoryId, string> = {
  'third-party-sharing': '#D41159',
  'first-party-collection': '#1A2FB8',
  'specific-audiences': '#006D2C',
  'data-retention': '#7A0177',
  'user-access': '#00796B',
  'user-choice': '#0072B2',
  'data-security': '#6B6B00',
  'policy-change': '#B35900',
  'do-not-track': '#8E24AA',
  other: '#555555',
};

export interface PaletteStyle {
  categories: Record<CategoryId, string>;
  barWidth: number;
  markBackground: string;
  markUnderline: string;
}

export function paletteStyle(palette: Palette): PaletteStyle {
  return palette === 'high-contrast'
    ? {
        categories: HIGH_CONTRAST_COLOURS,
        barWidth: 5,
        markBackground: 'rgba(255, 221, 0, 0.85)',
        markUnderline: '#000000',
      }
    : {
        categories: CATEGORY_COLOURS,
        barWidth: 3,
        markBackground: 'rgba(230, 159, 0, 0.32)',
        markUnderline: '#D55E00',
      };
}
