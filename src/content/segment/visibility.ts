/**
 * Visibility of candidate blocks, checked once per paragraph rather than per element.
 * `Element.checkVisibility()` (Chrome 105, Firefox 106, Safari 17.4) answers from the style
 * already computed for rendering and looks at ancestors too. Without it we fall back to
 * getComputedStyle on the block and its ancestors, memoised per call, so shared ancestors are
 * computed once.
 */

type CheckVisibility = (options?: {
  visibilityProperty?: boolean;
  checkVisibilityCSS?: boolean;
}) => boolean;

export type VisibilityCheck = (el: Element) => boolean;

export function visibilityChecker(doc: Document): VisibilityCheck {
  const view = doc.defaultView;
  const probe = doc.documentElement as Element & { checkVisibility?: CheckVisibility };
  if (typeof probe.checkVisibility === 'function') {
    return (el) =>
      // `checkVisibilityCSS` is the option's name before Chrome 121; newer browsers ignore it.
      (el as Element & { checkVisibility: CheckVisibility }).checkVisibility({
        visibilityProperty: true,
        checkVisibilityCSS: true,
      });
  }
  if (!view) return () => true;
  const memo = new Map<Element, boolean>();
  const displayed = (el: Element): boolean => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    const style = view.getComputedStyle(el);
    const parent = el.parentElement;
    const result = style.display !== 'none' && (parent === null || displayed(parent));
    memo.set(el, result);
    return result;
  };
  return (el) => displayed(el) && view.getComputedStyle(el).visibility !== 'hidden';
}
