import { describe, expect, it } from 'vitest';
import { locatePhrase, normaliseWithMap, rawOffset } from '../../../src/content/highlight/text-map';

describe('normaliseWithMap', () => {
  it('collapses whitespace and maps every character back to the raw string', () => {
    const raw = '  We  collect\n\tyour IMEI ';
    const t = normaliseWithMap(raw);
    expect(t.text).toBe('We collect your IMEI');
    for (let i = 0; i < t.text.length; i++) {
      if (t.text[i] !== ' ') expect(raw[rawOffset(t, i)]).toBe(t.text[i]);
      else expect(raw[rawOffset(t, i)]).toMatch(/\s/);
    }
    expect(rawOffset(t, t.text.length)).toBe(raw.length);
  });
});

describe('locatePhrase', () => {
  it('returns raw offsets of a phrase that spans collapsed whitespace', () => {
    const raw = 'We read your\n   address   book daily.';
    const found = locatePhrase(normaliseWithMap(raw), 'address book', 13);
    expect(found).not.toBeNull();
    expect(raw.slice(found!.start, found!.start + found!.length)).toBe('address   book');
  });

  it('picks the occurrence nearest the hint and ignores case', () => {
    const raw = 'Location: we use your location. Location again.';
    const text = normaliseWithMap(raw);
    expect(locatePhrase(text, 'location', 22)?.start).toBe(22);
    expect(locatePhrase(text, 'LOCATION', 0)?.start).toBe(0);
  });

  it('returns null for a phrase that is not there', () => {
    expect(locatePhrase(normaliseWithMap('nothing here'), 'IMEI', 0)).toBeNull();
    expect(locatePhrase(normaliseWithMap('nothing here'), '', 0)).toBeNull();
  });
});

describe('normaliseWithMap matches the regular-expression definition of whitespace', () => {
  it('on every kind of space, at the edges and in runs', () => {
    const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    const raw = `${spaces}a${spaces}bc\u200bd${spaces[3]}e${spaces}`;
    const t = normaliseWithMap(raw);
    expect(t.text).toBe(raw.replace(/\s+/g, ' ').trim());
    for (let i = 0; i < t.text.length; i++) {
      if (t.text[i] === ' ') {
        expect(raw[rawOffset(t, i)]).toMatch(/\s/);
        // The space stands for the last whitespace character before the next word.
        expect(raw[rawOffset(t, i) + 1]).not.toMatch(/\s/);
      } else expect(raw[rawOffset(t, i)]).toBe(t.text[i]);
    }
    expect(rawOffset(t, t.text.length)).toBe(raw.length);
    expect(normaliseWithMap('').text).toBe('');
    expect(rawOffset(normaliseWithMap('   '), 0)).toBe(3);
  });
});
