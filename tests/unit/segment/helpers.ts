/** Builds test pages in the happy-dom document shared by a test file. */
export function setPage(bodyHtml: string, headHtml = ''): Document {
  document.head.innerHTML = headHtml;
  document.body.innerHTML = bodyHtml;
  return document;
}

export function serialize(doc: Document): string {
  return doc.documentElement.outerHTML;
}

/** The texts of a list of segments, for compact expectations. */
export const texts = (segments: { text: string }[]): string[] => segments.map((s) => s.text);
