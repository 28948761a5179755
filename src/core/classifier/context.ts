/** Heading context for the paragraphs of one policy, shared by the CLI and the content script. */
import type { ParagraphInput } from '../types';

/**
 * Fills `heading` of each non-heading paragraph with the text of the nearest heading line above
 * it (a paragraph's own `heading`, when given, wins). Headings themselves get no heading.
 */
export function withHeadingContext(lines: ParagraphInput[]): ParagraphInput[] {
  let current: string | undefined;
  return lines.map((line) => {
    if (line.isHeading) {
      current = line.text.trim() || current;
      return { ...line, heading: undefined };
    }
    return { ...line, heading: line.heading ?? current };
  });
}
