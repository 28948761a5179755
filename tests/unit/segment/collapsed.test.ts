// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { segmentPage } from '../../../src/content/segment';
import { revealCollapsed } from '../../../src/content/segment/collapsed';
import { setPage, texts } from './helpers';

describe('collapsed sections', () => {
  it('reads accordion panels and closed details, not other hidden text', () => {
    setPage(`
      <details><summary>Who we share it with</summary>
        <p>We share your phone number with couriers.</p></details>
      <h2><button aria-expanded="false" aria-controls="p1 p2">How long we keep it</button></h2>
      <div id="p1" hidden><p>We keep delivery records for two years.</p></div>
      <div id="p2" style="display: none" aria-hidden="true"><p>ID card photos go after 30 days.</p></div>
      <div id="p3" hidden><p>Panel whose only control is hidden itself.</p></div>
      <div style="display:none"><button aria-expanded="false" aria-controls="p3">Menu</button></div>
      <div hidden><p>Internal copy that is never shown to anyone.</p></div>
      <div id="p4" hidden><p>A panel its own close button names.</p>
        <button aria-expanded="false" aria-controls="p4">Close</button></div>`);
    const segments = segmentPage(document);
    expect(texts(segments)).toEqual([
      'Who we share it with',
      'We share your phone number with couriers.',
      'We keep delivery records for two years.',
      'ID card photos go after 30 days.',
    ]);
    // A short summary is the title of its section.
    expect(segments[0]?.isHeading).toBe(true);
    expect(segments[1]?.heading).toBe('Who we share it with');
  });

  it('opens the sections around a clause the way the reader would', () => {
    setPage(`
      <details id="outer"><summary>Outer</summary>
        <details id="inner"><summary><span id="title">Inner</span></summary>
          <div id="panel" hidden><p id="clause">We keep logs for 30 days.</p></div>
        </details></details>
      <button id="control" aria-expanded="false" aria-controls="panel">Show</button>
      <div hidden="until-found"><p id="found">Found by search.</p></div>`);
    const clicks: string[] = [];
    const control = document.getElementById('control') as HTMLElement;
    control.addEventListener('click', () => {
      clicks.push('control');
      document.getElementById('panel')?.removeAttribute('hidden');
    });
    expect(revealCollapsed(document.getElementById('clause') as Element)).toBe(true);
    expect(document.getElementById('outer')?.hasAttribute('open')).toBe(true);
    expect(document.getElementById('inner')?.hasAttribute('open')).toBe(true);
    expect(clicks).toEqual(['control']);
    expect(document.getElementById('panel')?.hasAttribute('hidden')).toBe(false);

    const events: string[] = [];
    const found = document.getElementById('found') as Element;
    found.parentElement?.addEventListener('beforematch', () => events.push('beforematch'));
    expect(revealCollapsed(found)).toBe(true);
    expect(events).toEqual(['beforematch']);
    expect(found.parentElement?.hasAttribute('hidden')).toBe(false);

    // Nothing left to open; a summary is visible with its section closed.
    expect(revealCollapsed(document.getElementById('clause') as Element)).toBe(false);
    document.getElementById('inner')?.removeAttribute('open');
    expect(revealCollapsed(document.getElementById('title') as Element)).toBe(false);
    expect(document.getElementById('inner')?.hasAttribute('open')).toBe(false);
  });
});
