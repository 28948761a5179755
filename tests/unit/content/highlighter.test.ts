// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../../src/content/highlight/highlighter';
import type { ParagraphAnalysis } from '../../../src/core/types';
import { CATEGORY_IDS, type CategoryId } from '../../../src/core/taxonomy';
import { detectSensitive } from '../../../src/core/sensitive';
import { segmentPage } from '../../../src/content/segment';

function analysis(
  categories: CategoryId[],
  spans: ParagraphAnalysis['spans'] = [],
): ParagraphAnalysis {
  const scores = Object.fromEntries(
    CATEGORY_IDS.map((id) => [id, categories.includes(id) ? 0.9 : 0.1]),
  );
  return {
    categories,
    scores: scores as ParagraphAnalysis['scores'],
    sensitive: [...new Set(spans.map((s) => s.type))],
    spans,
  };
}

function setup(markup: string) {
  document.body.replaceChildren();
  const host = document.createElement('div');
  // Test fixture markup written here, not page text.
  host.insertAdjacentHTML('afterbegin', markup);
  document.body.append(host);
  return host;
}

afterEach(() => document.body.replaceChildren());

describe('Highlighter', () => {
  it('marks sensitive phrases precisely and removes every trace on clear()', async () => {
    const host = setup(
      '<p id="a">We collect your <b>device</b> IMEI and   precise location.</p><p id="b">Hello there friend.</p>',
    );
    const before = document.documentElement.outerHTML;
    const p = host.querySelector('#a')!;
    const text = 'We collect your device IMEI and precise location.';
    const h = new Highlighter(document);
    await h.apply(
      [
        {
          segment: { id: 'fp-1', text, isHeading: false, element: p, tag: 'p' },
          analysis: analysis(
            ['first-party-collection'],
            [
              { type: 'device-identifiers', start: 23, end: 27 },
              { type: 'location', start: 32, end: 48 },
            ],
          ),
        },
      ],
      {
        categories: new Set(['first-party-collection']),
        sensitive: new Set(['device-identifiers', 'location']),
      },
      new Set(),
    );
    const marks = [...p.querySelectorAll('fp-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['IMEI', 'precise location']);
    expect(marks[0]!.getAttribute('data-fp-type')).toBe('device-identifiers');
    expect(marks[0]!.getAttribute('tabindex')).toBe('0');
    expect(p.getAttribute('data-fp-cat')).toBe('first-party-collection');
    expect(document.documentElement.getAttribute('data-fp-show')).toBe('first-party-collection');
    expect(h.active).toBe(true);

    h.clear();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(h.active).toBe(false);
  });

  it('highlights a definition term with its description as one paragraph', async () => {
    const host = setup(
      '<dl><dt>Face templates</dt>\n  <dd>Kept on our servers until you turn off face unlock; also your IMEI.</dd></dl>',
    );
    const before = document.documentElement.outerHTML;
    const [segment] = segmentPage(host);
    expect(segment?.text).toBe(
      'Face templates Kept on our servers until you turn off face unlock; also your IMEI.',
    );
    const { spans } = detectSensitive(segment!.text);
    expect(spans.map((s) => segment!.text.slice(s.start, s.end))).toEqual(
      expect.arrayContaining(['Face templates', 'IMEI']),
    );
    const h = new Highlighter(document);
    await h.apply(
      [{ segment: segment!, analysis: analysis(['data-retention'], spans) }],
      {
        categories: new Set(['data-retention']),
        sensitive: new Set(['biometric', 'device-identifiers']),
      },
      new Set(),
    );
    const [dt, dd] = [host.querySelector('dt')!, host.querySelector('dd')!];
    // Both halves carry the paragraph (so the bar runs down both; "jump to" finds the term first).
    for (const el of [dt, dd]) {
      expect(el.getAttribute('data-fp-id')).toBe(segment!.id);
      expect(el.getAttribute('data-fp-cat')).toBe('data-retention');
    }
    const marks = [...host.querySelectorAll('fp-mark')].map(
      (m) => `${m.getAttribute('data-fp-type')}:${m.textContent}`,
    );
    expect(marks).toEqual(
      expect.arrayContaining(['biometric:Face templates', 'device-identifiers:IMEI']),
    );
    expect(dt.querySelector('fp-mark')).not.toBeNull();
    h.clear();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('wraps the paragraphs of a plain-text document one by one and unwraps them exactly', async () => {
    const text =
      'PRIVACY\n\nWe collect your IMEI when\nyou sign in.\n\nWe share your IMEI with advertisers.\n';
    const host = setup(`<pre></pre>`);
    const pre = host.querySelector('pre')!;
    pre.textContent = text;
    const before = document.documentElement.outerHTML;
    const paragraphs = [
      'We collect your IMEI when you sign in.',
      'We share your IMEI with advertisers.',
    ];
    const h = new Highlighter(document);
    await h.apply(
      paragraphs.map((p, i) => ({
        segment: {
          id: `fp-${i}`,
          text: p,
          isHeading: false,
          element: pre,
          tag: 'pre',
          inline: true,
        },
        analysis: analysis(
          [i === 0 ? 'first-party-collection' : 'third-party-sharing'],
          [{ type: 'device-identifiers', start: p.indexOf('IMEI'), end: p.indexOf('IMEI') + 4 }],
        ),
      })),
      { categories: new Set(['third-party-sharing']), sensitive: new Set(['device-identifiers']) },
      new Set(),
    );
    const wrapped = [...pre.querySelectorAll('fp-para')];
    expect(wrapped.map((w) => [w.getAttribute('data-fp-id'), w.textContent])).toEqual([
      ['fp-0', 'We collect your IMEI when\nyou sign in.'],
      ['fp-1', 'We share your IMEI with advertisers.'],
    ]);
    expect(wrapped[1]!.getAttribute('data-fp-cat')).toBe('third-party-sharing');
    // Each paragraph's phrase is marked inside its own wrapper.
    expect(wrapped.map((w) => w.querySelector('fp-mark')?.textContent)).toEqual(['IMEI', 'IMEI']);
    expect(pre.textContent).toBe(text);
    h.clear();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(pre.childNodes).toHaveLength(1);
  });

  it('paints each paragraph of a block split by <br><br> on its own', async () => {
    const host = setup(
      '<div>We collect your <b>IMEI</b> when you sign in.<br><br>We share your IMEI with <a href="#">advertisers</a>.</div>',
    );
    const before = document.documentElement.outerHTML;
    const segments = segmentPage(host);
    expect(segments.map((s) => s.inline)).toEqual([true, true]);
    const categories: CategoryId[][] = [['first-party-collection'], ['third-party-sharing']];
    const h = new Highlighter(document);
    await h.apply(
      segments.map((segment, i) => ({
        segment,
        analysis: analysis(categories[i]!, detectSensitive(segment.text).spans),
      })),
      { categories: new Set(['third-party-sharing']), sensitive: new Set(['device-identifiers']) },
      new Set(),
    );
    // Each paragraph's own wrappers carry its own categories; the div carries none.
    const painted = [...host.querySelectorAll('fp-para')].map(
      (w) => `${w.getAttribute('data-fp-cat')}:${w.textContent}`,
    );
    expect(painted).toContain('first-party-collection:We collect your ');
    expect(painted).toContain('third-party-sharing:We share your IMEI with ');
    expect(painted).not.toContain(expect.stringMatching(/^first-party-collection:We share/));
    expect(host.querySelector('div')!.hasAttribute('data-fp-cat')).toBe(false);
    expect([...host.querySelectorAll('fp-mark')].map((m) => m.textContent)).toEqual([
      'IMEI',
      'IMEI',
    ]);
    h.clear();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('shows only the categories in view and hides marks of hidden types from the keyboard', async () => {
    const host = setup('<p>Your IMEI is shared with advertisers.</p>');
    const p = host.querySelector('p')!;
    const h = new Highlighter(document);
    await h.apply(
      [
        {
          segment: { id: 'fp-2', text: p.textContent!, isHeading: false, element: p, tag: 'p' },
          analysis: analysis(
            ['third-party-sharing'],
            [{ type: 'device-identifiers', start: 5, end: 9 }],
          ),
        },
      ],
      { categories: new Set(['third-party-sharing']), sensitive: new Set(['device-identifiers']) },
      new Set(),
    );
    h.setView({ categories: new Set(['user-choice']), sensitive: new Set() });
    expect(document.documentElement.getAttribute('data-fp-show')).toBe('user-choice');
    expect(document.documentElement.hasAttribute('data-fp-sensitive')).toBe(false);
    expect(p.querySelector('fp-mark')!.hasAttribute('tabindex')).toBe(false);
    h.clear();
  });

  it('skips headings and detached elements', async () => {
    const host = setup('<h2>Sharing</h2>');
    const heading = host.querySelector('h2')!;
    const detached = document.createElement('p');
    const h = new Highlighter(document);
    await h.apply(
      [
        {
          segment: { id: 'h', text: 'Sharing', isHeading: true, element: heading, tag: 'h2' },
          analysis: analysis(['other']),
        },
        {
          segment: { id: 'd', text: 'x', isHeading: false, element: detached, tag: 'p' },
          analysis: analysis(['other']),
        },
      ],
      { categories: new Set(['other']), sensitive: new Set() },
      new Set(),
    );
    expect(heading.hasAttribute('data-fp-cat')).toBe(false);
    expect(detached.hasAttribute('data-fp-cat')).toBe(false);
    h.clear();
  });
});
