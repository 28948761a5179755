// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  collectSignals,
  detectPolicy,
  detectPolicyVerbose,
  findPolicyDocument,
} from '../../../src/content/detect';

function setPage(title: string, body: string): void {
  document.title = title;
  document.body.innerHTML = body;
}

const POLICY_BODY = `<h1>Privacy Policy</h1>
  <p>This Privacy Policy explains how we collect, use and share your personal information.</p>
  <h2>Information we collect</h2><p>We collect personal data you provide and device identifiers.</p>
  <h2>How we share information</h2><p>We share data with service providers and third parties. You may opt out.</p>
  <h2>Your rights</h2><p>You can access, correct or delete your data under the GDPR and CCPA.</p>
  <h2>Data retention</h2><p>We retain personal information only as long as needed.</p>`;

describe('collectSignals', () => {
  it('reads title, headings and a text sample without navigation, scripts or cookie banners', () => {
    setPage(
      'Privacy Policy | Acme',
      `<nav><h2>Menu heading</h2><a>Products and pricing links</a></nav>
       <div id="onetrust-banner-sdk">We use cookies. Accept all cookies.</div>
       <script>var tracking = "script text";</script>
       <main>${POLICY_BODY}</main>
       <footer><p>Footer text with copyright</p></footer>`,
    );
    const s = collectSignals(document);
    expect(s.title).toBe('Privacy Policy | Acme');
    expect(s.headings).toEqual([
      'Privacy Policy',
      'Information we collect',
      'How we share information',
      'Your rights',
      'Data retention',
    ]);
    expect(s.textSample).toMatch(/^Privacy Policy This Privacy Policy explains/);
    expect(s.textSample).not.toMatch(/Products|cookies\. Accept|script text|Footer/);
    expect(s.wordCount).toBeGreaterThan(50);
    expect(s.url).toBe(document.location.href);
  });

  it('reads headings beyond the sample only when asked for all headings', () => {
    const filler = Array.from(
      { length: 80 },
      (_, i) => `<p>Paragraph ${i} with enough words to fill the sample quickly.</p>`,
    );
    setPage(
      'x',
      `<main><h1>Top</h1>${filler.join('')}<h2>Late section</h2><p>Late text.</p></main><nav><h2>Menu</h2></nav>`,
    );
    expect(collectSignals(document).headings).toEqual(['Top']);
    expect(collectSignals(document, { allHeadings: true }).headings).toEqual([
      'Top',
      'Late section',
    ]);
  });

  it('falls back to the body when main is nearly empty', () => {
    setPage('x', `<main><p>Loading…</p></main><div class="content">${POLICY_BODY}</div>`);
    expect(collectSignals(document).textSample).toMatch(/This Privacy Policy explains/);
  });

  it('bounds the sample and the headings on a huge page and estimates the word count', () => {
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) => `<h3>Heading ${i}</h3><p>Word ${i} of a very long page with many words in it.</p>`,
    );
    setPage('Huge page', `<main>${paragraphs.join('')}</main>`);
    const s = collectSignals(document);
    expect(s.textSample.length).toBeLessThanOrEqual(3000 + 100);
    expect(s.headings).toHaveLength(40);
    expect(s.wordCount).toBeGreaterThan(1000);
  });

  it('never reads innerText', () => {
    setPage('x', `<main>${POLICY_BODY}</main>`);
    const proto = HTMLElement.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'innerText');
    let reads = 0;
    Object.defineProperty(proto, 'innerText', {
      configurable: true,
      get() {
        reads++;
        return '';
      },
    });
    try {
      collectSignals(document);
    } finally {
      if (descriptor) Object.defineProperty(proto, 'innerText', descriptor);
    }
    expect(reads).toBe(0);
  });
});

describe('detectPolicy', () => {
  it('accepts a policy and rejects an unrelated page, reporting its time', () => {
    setPage('Privacy Policy | Acme', `<main>${POLICY_BODY}</main>`);
    const yes = detectPolicy(document);
    expect(yes.isPolicy).toBe(true);
    expect(yes.elapsedMs).toBeGreaterThanOrEqual(0);
    setPage(
      'Grandma’s apple cake',
      '<main><h1>Apple cake</h1><p>Heat the oven to 180°C and grease a tin.</p></main>',
    );
    expect(detectPolicy(document).isPolicy).toBe(false);
  });

  it('takes a second look with all headings only when the quick look is unsure', () => {
    setPage(
      'Grandma’s apple cake',
      '<main><h1>Apple cake</h1><p>Heat the oven to 180°C and grease a tin.</p></main>',
    );
    expect(detectPolicyVerbose(document).deep).toBe(false);
    setPage('Privacy Policy | Acme', `<main>${POLICY_BODY}</main>`);
    expect(detectPolicyVerbose(document).deep).toBe(false);
    setPage(
      'Acme',
      `<main><h1>How we handle data</h1><p>We collect your personal information and share personal data with third parties. We retain it. You may opt out. This policy explains your data rights under the GDPR.</p></main>`,
    );
    const unsure = detectPolicyVerbose(document);
    expect(unsure.score).toBeGreaterThan(0.05);
    expect(unsure.deep).toBe(true);
  });

  it('detects a single-page app once its policy has been rendered', () => {
    setPage('Lumio', '<div id="root"><div class="spinner">Loading</div></div>');
    expect(detectPolicy(document).isPolicy).toBe(false);
    const root = document.getElementById('root') as HTMLElement;
    root.innerHTML = `<div class="page">${POLICY_BODY}</div>`;
    expect(detectPolicy(document).isPolicy).toBe(true);
  });

  it('findPolicyDocument finds a policy shown in a same-origin frame', () => {
    setPage(
      'Acme legal',
      '<main><p>Our legal documents are shown below.</p><iframe></iframe></main>',
    );
    const inner = document.implementation.createHTMLDocument('Privacy Policy');
    inner.body.innerHTML = POLICY_BODY;
    Object.defineProperty(document.querySelector('iframe'), 'contentDocument', {
      get: () => inner,
    });
    const found = findPolicyDocument(document);
    expect(found?.doc).toBe(inner);
    expect(found?.result.isPolicy).toBe(true);
  });
});
