import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/content/segment';
import { headingLines } from '../../../src/content/segment/plain-text';

describe('segmentText', () => {
  it('splits at blank lines, detects headings and attaches them', () => {
    const text = `# Privacy Policy\n\nWe collect your email\naddress when you sign up.\n\nInformation we share\n\n  We share data with processors.  \n\nok\n\nWe share data with processors.`;
    const segments = segmentText(text);
    expect(segments.map((s) => [s.text, s.isHeading, s.heading])).toEqual([
      ['Privacy Policy', true, undefined],
      ['We collect your email address when you sign up.', false, 'Privacy Policy'],
      ['Information we share', true, undefined],
      ['We share data with processors.', false, 'Information we share'],
      ['We share data with processors.', false, 'Information we share'],
    ]);
    expect(segments[3]?.id.replace(/-\d+$/, '')).toBe(segments[4]?.id.replace(/-\d+$/, ''));
    expect(segments[3]?.id).not.toBe(segments[4]?.id);
  });

  it('gives the same id as segmentPage would for the same text', async () => {
    const { hashText } = await import('../../../src/content/segment');
    const [segment] = segmentText('We collect your email address.');
    expect(segment?.id).toBe(`fp-${hashText('We collect your email address.')}-0`);
  });
});

describe('headingLines (plain-text detection)', () => {
  it('returns the short unpunctuated lines and Markdown headings, up to the maximum', () => {
    const text =
      'PRIVACY POLICY\n\nWe collect your name.\n\n## 2. Sharing\n\nlowercase line\n\n3. Retention\n\nContact';
    expect(headingLines(text, 3)).toEqual(['PRIVACY POLICY', '2. Sharing', '3. Retention']);
  });
});
