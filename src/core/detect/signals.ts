/** What the content script reads from a page to decide whether it is a privacy policy. */
export interface PageSignals {
  /** The page address (hash routes of single-page apps included). */
  url: string;
  title: string;
  /** Text of h1–h3 headings in document order, capped by the collector. */
  headings: string[];
  /** The first few thousand characters of the main text, navigation and footers skipped. */
  textSample: string;
  /** Words on the page (estimated beyond the sample, so it stays cheap on huge pages). */
  wordCount: number;
}
