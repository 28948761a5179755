import { describe, expect, it } from 'vitest';
import * as V from '../../../src/core/detect/vocab';

describe('vocabularies', () => {
  // The matcher skips normalisation when it loads (it runs on every page), so entries must
  // already be in the form text is matched in.
  it.each(Object.entries(V))(
    '%s entries are lower-case, NFKC, trimmed and unique',
    (_name, list) => {
      for (const phrase of list as string[]) {
        expect(phrase, phrase).toBe(phrase.normalize('NFKC').toLowerCase().trim());
        expect(phrase, phrase).not.toMatch(/\s{2}|\u2019/);
      }
      expect(new Set(list as string[]).size).toBe((list as string[]).length);
    },
  );
});
