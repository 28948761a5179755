/**
 * The page stylesheet. It is a constructed stylesheet adopted by the document: CSSOM sheets are not
 * subject to the page's `style-src` CSP, leave no node in the DOM, and come off in one assignment.
 * Everything is keyed on our own `data-fp-*` attributes and the `fp-mark` element, and declared
 * `!important` inside a cascade layer so hostile page rules like `* { all: unset !important }` or
 * `#main * { background: none !important }` lose. Nothing here changes box sizes: bars are box-shadows, marks are inline washes.
 */

import { CATEGORY_PRIORITY, paletteStyle } from '../../core/palette';
import type { Palette } from '../../core/settings';

export const MARK_TAG = 'fp-mark';
/** Wraps one paragraph that has no element of its own (`<br><br>` splits, plain text). */
export const PARA_TAG = 'fp-para';

function buildCss(palette: Palette): string {
  const style = paletteStyle(palette);
  const rules: string[] = [];
  // Lowest priority first: with equal specificity the last matching rule paints the bar.
  for (const id of [...CATEGORY_PRIORITY].reverse()) {
    const colour = style.categories[id];
    rules.push(
      `html[data-fp-show~="${id}"] [data-fp-cat~="${id}"] {` +
        ` box-shadow: -${style.barWidth + 3}px 0 0 -3px ${colour} !important; }`,
    );
  }
  rules.push(
    `html[data-fp-show] [data-fp-new] { outline: 2px dashed #0072B2 !important; outline-offset: 3px !important; }`,
    `${PARA_TAG} { display: inline !important; color: inherit !important; font: inherit !important;` +
      ` -webkit-box-decoration-break: clone !important; box-decoration-break: clone !important; }`,
    `${MARK_TAG} { display: inline !important; color: inherit !important; font: inherit !important;` +
      ` margin: 0 !important; padding: 0 !important; border: 0 !important; }`,
    `html[data-fp-sensitive] ${MARK_TAG}[data-fp-type] {` +
      ` background-color: ${style.markBackground} !important;` +
      ` text-decoration: underline 2px ${style.markUnderline} !important;` +
      ` text-underline-offset: 2px !important;` +
      ` border-radius: 2px !important; cursor: help !important; }`,
    `html[data-fp-sensitive] ${MARK_TAG}[data-fp-type]:focus-visible {` +
      ` outline: 2px solid #0072B2 !important; outline-offset: 1px !important; }`,
    `[data-fp-flash] { animation: fp-flash 1.6s ease-out 1 !important; }`,
    `@keyframes fp-flash { 0%, 40% { outline: 3px solid #0072B2; outline-offset: 4px; } 100% { outline: 3px solid transparent; outline-offset: 4px; } }`,
    `@media (prefers-reduced-motion: reduce) { [data-fp-flash] { animation: none !important; outline: 3px solid #0072B2 !important; } }`,
  );
  // In a cascade layer, our `!important` declarations beat every unlayered `!important` rule of
  // the page whatever its specificity (`#content * { background: none !important }` included):
  // https://www.w3.org/TR/css-cascade-5/#layering (important layered rules win over unlayered).
  return `@layer fineprint {\n${rules.join('\n')}\n}`;
}

interface Installed {
  sheet: CSSStyleSheet | null;
  fallback: HTMLStyleElement | null;
  palette: Palette;
}

/** Per document: a policy page and its same-origin frames each get their own sheet. */
const installed = new WeakMap<Document, Installed>();

/** Adds the stylesheet, or updates it when the palette changed; safe to call repeatedly. */
export function installStyles(doc: Document, palette: Palette = 'default'): void {
  const current = installed.get(doc);
  if (current?.palette === palette) return;
  const css = buildCss(palette);
  if (current) {
    current.palette = palette;
    if (current.sheet) current.sheet.replaceSync(css);
    else if (current.fallback) current.fallback.textContent = css;
    return;
  }
  try {
    // The sheet must come from the document's own window to be adoptable there (frames).
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    installed.set(doc, { sheet, fallback: null, palette });
  } catch {
    // Firefox content scripts cannot always adopt a sheet built in their own compartment.
    const fallback = doc.createElement('style');
    fallback.setAttribute('data-fp-ui', '');
    fallback.textContent = css;
    (doc.head ?? doc.documentElement).append(fallback);
    installed.set(doc, { sheet: null, fallback, palette });
  }
}

export function removeStyles(doc: Document): void {
  const current = installed.get(doc);
  if (!current) return;
  installed.delete(doc);
  const ours = current.sheet;
  if (ours) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== ours);
  current.fallback?.remove();
}
