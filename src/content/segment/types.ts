/** One paragraph of the page as a reader sees it. */
export interface Segment {
  /**
   * Stable across reloads of the same page: `fp-` + hash of the normalised text + the index of
   * this text among identical paragraphs (so a repeated "Learn more." gets -0, -1, ...).
   */
  id: string;
  /** Visible text with whitespace collapsed. */
  text: string;
  /** True for h1–h6, role="heading" and short bold-only paragraphs used as headings. */
  isHeading: boolean;
  /**
   * Text of the nearest preceding heading. For a heading itself, the nearest preceding heading of
   * a higher level (the section it belongs to).
   */
  heading?: string;
  /**
   * The block element that holds the text (a `tr` for a row of table data, whose cells are read
   * as one paragraph): highlighting runs mark.js within it. Several segments
   * can share one element when its text is split by `<br><br>` or by nested blocks (a `li` with
   * its own text and a nested list).
   */
  element: Element;
  /**
   * The `dt` whose text starts this paragraph when `element` is the `dd` it describes (a term and
   * its description are read as one paragraph): it is highlighted with `element`.
   */
  term?: Element;
  /**
   * The paragraph is a stretch of `element`'s text that other paragraphs share (text split by
   * `<br><br>`, the one `<pre>` of a plain-text document): it is highlighted by wrapping that
   * stretch.
   */
  inline?: boolean;
  /** Lower-case tag name of `element`. */
  tag: string;
  /**
   * The text nodes whose data, joined (a space between the cells of a table row) and
   * whitespace-normalised, is `text`, in document order.
   * Text that `element.textContent` has but the segment does not (a nested list, hidden or
   * excluded inline elements, the other half of a `<br><br>` split) is in none of them, so these
   * map segment offsets onto the page exactly.
   */
  textNodes?: Text[];
}

export interface SegmentOptions {
  /** Stop after this many segments so enormous pages stay bounded. Default 5000. */
  maxSegments?: number;
  /** Paragraphs with fewer words are dropped (headings are always kept). Default 3. */
  minWords?: number;
  /** Prefix of every id. Default "fp-". */
  idPrefix?: string;
  /**
   * Counts of ids already handed out, shared between calls so that segments of several documents
   * (a page and its same-origin frames) get distinct ids. Updated in place.
   */
  seenIds?: Map<string, number>;
  /** Called after each paragraph found, with the list so far (it must not be changed). */
  onSegment?: (found: readonly Segment[]) => void;
}
