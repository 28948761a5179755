import { describe, expect, it } from 'vitest';
import { segmentPage } from '../../../src/content/segment';
import { loadLabels, loadPage } from '../../fixtures/detection/fixtures';

const policies = loadLabels().filter((l) => l.isPolicy);

describe('segmentation of the policy fixtures', () => {
  it.each(policies.map((l) => [l.file, l] as const))(
    '%s reads like the policy',
    async (_file, label) => {
      const page = loadPage(label);
      const segments = segmentPage(page.doc);
      // Stable: a second pass over the same page gives the same ids.
      expect(segmentPage(page.doc).map((s) => s.id)).toEqual(segments.map((s) => s.id));
      expect(segments.length).toBeGreaterThanOrEqual(5);
      expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
      // The policy's title heading is in, and nothing comes from navigation, footers or banners.
      expect(segments.some((s) => s.isHeading && s.tag === 'h1')).toBe(true);
      for (const s of segments) {
        expect(
          s.element.closest('nav, footer, [role="dialog"], [role="contentinfo"]'),
          s.text,
        ).toBeNull();
        expect(s.text).not.toMatch(
          /Accept all|Got it!|uses cookies to ensure|make our website work/,
        );
      }
      // Every non-heading paragraph after the first heading knows its section.
      const firstHeading = segments.findIndex((s) => s.isHeading);
      for (const s of segments.slice(firstHeading + 1)) expect(s.heading, s.text).toBeTruthy();
      await page.close();
    },
  );
});
