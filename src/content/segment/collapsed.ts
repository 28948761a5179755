/**
 * Collapsed sections: text the page hides until the reader opens it with one click. Policies put
 * whole sections in closed `<details>`, in accordion panels (a button with `aria-expanded="false"`
 * and `aria-controls`) and in `hidden="until-found"` blocks. That text is part of the policy the
 * user is reading, so it is classified and annotated like the rest (the highlights show when the
 * section is opened), and "jump to clause" opens it. Everything else that is hidden stays unread.
 */
import { visibilityChecker } from './visibility';

/** A control that says it opens other elements and is closed. */
const CLOSED_CONTROL = '[aria-expanded="false"][aria-controls]';

/** The ids a control names in `aria-controls`. */
const controlledIds = (control: Element): string[] =>
  (control.getAttribute('aria-controls') ?? '').split(/\s+/).filter((id) => id !== '');

/** The roots of the page's collapsed sections whose control the reader can see. */
export function collapsedRoots(
  root: Document | Element,
  visible: (el: Element) => boolean,
): Set<Element> {
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const roots = new Set<Element>();
  // One selector match for the common page without any: most pages have none of the three.
  const candidates = root.querySelectorAll(
    `details:not([open]), ${CLOSED_CONTROL}, [hidden="until-found"]`,
  );
  for (const el of candidates) {
    if (el.localName === 'details') {
      if (visible(el)) roots.add(el);
    } else if (el.getAttribute('hidden') === 'until-found') {
      if (el.parentElement && visible(el.parentElement)) roots.add(el);
    } else if (visible(el)) {
      for (const id of controlledIds(el)) {
        const panel = doc.getElementById(id);
        // A control inside its own panel (a "close" button) does not make the panel collapsed.
        if (panel && !panel.contains(el)) roots.add(panel);
      }
    }
  }
  return roots;
}

/**
 * Whether an element sits in a collapsed section (itself included), for one pass over a page:
 * answers are remembered along the way up, so a page of thousands of hidden paragraphs nested
 * thousands deep still costs each ancestor one look.
 */
export function collapsedChecker(roots: ReadonlySet<Element>): (el: Element) => boolean {
  if (roots.size === 0) return () => false;
  const known = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let answer = false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const seen = known.get(e);
      if (seen !== undefined) {
        answer = seen;
        break;
      }
      path.push(e);
      if (roots.has(e)) {
        answer = true;
        break;
      }
    }
    for (const e of path) known.set(e, answer);
    return answer;
  };
}

/**
 * Opens every collapsed section around `el` from the outside in, the way the reader would: a
 * closed `<details>` is opened, an accordion's own control is clicked (so the page's script keeps
 * its state), a `hidden="until-found"` block gets the `beforematch` event the browser's find in
 * page sends, then is shown. Returns true when it opened anything.
 */
export function revealCollapsed(el: Element): boolean {
  const controls = new Map<string, HTMLElement>();
  // Not `instanceof HTMLElement`: a same-origin frame's elements come from another window.
  for (const c of el.ownerDocument.querySelectorAll<HTMLElement>(CLOSED_CONTROL)) {
    for (const id of controlledIds(c)) {
      if (typeof c.click === 'function' && !controls.has(id)) controls.set(id, c);
    }
  }
  const visible = visibilityChecker(el.ownerDocument);
  const chain: Element[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
  let opened = false;
  for (const e of chain) {
    const control = e.id ? controls.get(e.id) : undefined;
    if (e.localName === 'details' && !e.hasAttribute('open') && !inSummaryOf(el, e)) {
      e.setAttribute('open', '');
    } else if (e.getAttribute('hidden') === 'until-found') {
      e.dispatchEvent(new Event('beforematch', { bubbles: true }));
      e.removeAttribute('hidden');
    } else if (control && !e.contains(control) && (e.hasAttribute('hidden') || !visible(e))) {
      // Only while the panel is closed: a page that never updates aria-expanded must not have
      // its open panel toggled shut by the next jump.
      control.click();
    } else continue;
    opened = true;
  }
  return opened;
}

function inSummaryOf(el: Element, details: Element): boolean {
  const summary = details.querySelector(':scope > summary');
  return summary !== null && summary.contains(el);
}
