/**
 * Documents of same-origin frames, for pages that show their policy in an iframe. Reading
 * `contentDocument` of a cross-origin frame returns null or, in some browsers, throws a
 * SecurityError; both are skipped. Nested frames are included, depth-first, up to a bound.
 */
const MAX_FRAMES = 20;

export function sameOriginFrameDocuments(doc: Document): Document[] {
  const out: Document[] = [];
  const visit = (d: Document): void => {
    for (const frame of d.querySelectorAll('iframe, frame')) {
      if (out.length >= MAX_FRAMES) return;
      let inner: Document | null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      if (!inner || !inner.documentElement || out.includes(inner)) continue;
      out.push(inner);
      visit(inner);
    }
  };
  visit(doc);
  return out;
}
