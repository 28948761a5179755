// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sameOriginFrameDocuments, segmentPage } from '../../../src/content/segment';
import { setPage } from './helpers';

describe('sameOriginFrameDocuments', () => {
  it('returns accessible frame documents and skips frames that throw or have none', () => {
    setPage('<iframe id="a"></iframe><iframe id="b"></iframe><iframe id="c"></iframe>');
    const inner = document.implementation.createHTMLDocument('inner');
    const define = (id: string, get: () => Document | null) =>
      Object.defineProperty(document.getElementById(id), 'contentDocument', {
        get,
        configurable: true,
      });
    define('a', () => inner);
    define('b', () => {
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    });
    define('c', () => null);
    expect(sameOriginFrameDocuments(document)).toEqual([inner]);
  });
});

describe('visibility without checkVisibility()', () => {
  const proto = Element.prototype as unknown as { checkVisibility?: unknown };
  const original = proto.checkVisibility;
  afterEach(() => {
    proto.checkVisibility = original;
  });

  it('falls back to computed styles of the block and its ancestors', () => {
    delete proto.checkVisibility;
    expect('checkVisibility' in document.body).toBe(false);
    setPage(
      `<p>Visible paragraph of text.</p><div class="gone"><div><p>Hidden by an ancestor rule.</p></div></div>
      <p class="ghost">Hidden by visibility rule.</p>`,
      '<style>.gone { display: none } .ghost { visibility: hidden }</style>',
    );
    const spy = vi.spyOn(window, 'getComputedStyle');
    expect(segmentPage(document).map((s) => s.text)).toEqual(['Visible paragraph of text.']);
    // Only candidate blocks and their ancestors are styled, each element once per display check.
    expect(spy.mock.calls.length).toBeLessThan(20);
    spy.mockRestore();
  });
});
