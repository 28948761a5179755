// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { segmentPage, segmentWithFrames, type Segment } from '../../../src/content/segment';
import { serialize, setPage, texts } from './helpers';

describe('segmentPage: blocks', () => {
  it('yields paragraphs, list items, table rows and definition lists', () => {
    setPage(`
      <p>We collect the name you give us.</p>
      <ul><li>Your email address and phone number.</li><li>Your billing address and country.</li></ul>
      <table><tr><th>Data category name</th><td>Contact details and account profile.</td></tr></table>
      <dl><dt>Data controller of record</dt><dd>Acme Inc. decides how data is used.</dd></dl>
      <blockquote>Quoted text of three words or more.</blockquote>
      <figure><img alt=""><figcaption>A figure caption with words.</figcaption></figure>`);
    const segments = segmentPage(document);
    expect(texts(segments)).toEqual([
      'We collect the name you give us.',
      'Your email address and phone number.',
      'Your billing address and country.',
      'Data category name Contact details and account profile.',
      'Data controller of record Acme Inc. decides how data is used.',
      'Quoted text of three words or more.',
      'A figure caption with words.',
    ]);
    expect(segments.map((s) => s.tag)).toEqual([
      'p',
      'li',
      'li',
      'tr',
      'dd',
      'blockquote',
      'figcaption',
    ]);
  });

  it('reads a data table row as one paragraph and skips rows of column names', () => {
    setPage(`
      <h2>Third-party SDKs</h2>
      <table>
        <thead><tr><th>SDK name</th><th>Provider</th><th>Purpose</th><th>Data collected</th></tr></thead>
        <tbody>
          <tr><td>Umeng SDK</td><td>Umeng Co., Ltd.</td><td>Statistics</td><td>IMEI,<br>OAID</td></tr>
          <tr><td>Getui</td><td><p>Push</p><p>notifications</p></td><td><ul><li>Device model</li><li>OAID</li></ul></td><td hidden>secret words here</td></tr>
          <tr><td>Only one cell with several words in it</td></tr>
        </tbody>
      </table>`);
    const segments = segmentPage(document).filter((s) => !s.isHeading);
    expect(texts(segments)).toEqual([
      'Umeng SDK Umeng Co., Ltd. Statistics IMEI, OAID',
      'Getui Push notifications Device model OAID',
      'Only one cell with several words in it',
    ]);
    expect(segments.map((s) => s.tag)).toEqual(['tr', 'tr', 'td']);
    expect(segments.every((s) => s.heading === 'Third-party SDKs')).toBe(true);
    // Its text nodes are the row's, across cells (so offsets still map onto the page).
    const umeng = segments[0] as Segment;
    expect(umeng.textNodes?.map((n) => n.data)).toEqual([
      'Umeng SDK',
      'Umeng Co., Ltd.',
      'Statistics',
      'IMEI,',
      'OAID',
    ]);
  });

  it('reads a definition term with its description as one paragraph', () => {
    setPage(`
      <h2>Categories of personal information</h2>
      <dl>
        <dt>Precise location</dt>
        <dd>Used to show stores near you.</dd>
        <dt><strong>Identifiers</strong></dt>
        <dd>Name, <a href="#">email address</a> and ID card number.</dd>
        <dd>Also the device advertising ID.</dd>
        <dt>Where is my data stored?</dt>
        <dt>Where are backups kept?</dt>
        <dd>In the European Union, in Frankfurt.</dd>
        <dt>Retention of account data</dt>
        <dd><p>Until you close the account.</p><p>Backups for 35 more days.</p></dd>
        <dt style="display:none">Hidden term text</dt>
        <dd>Shown description of that hidden term.</dd>
      </dl>
      <p>We keep logs for thirty days.</p>`);
    const segments = segmentPage(document).filter((s) => !s.isHeading);
    expect(texts(segments)).toEqual([
      'Precise location Used to show stores near you.',
      'Identifiers Name, email address and ID card number.',
      'Also the device advertising ID.',
      'Where is my data stored?',
      'Where are backups kept? In the European Union, in Frankfurt.',
      // A description holding blocks keeps its term apart (a bold-free term of three words).
      'Retention of account data',
      'Until you close the account.',
      'Backups for 35 more days.',
      'Shown description of that hidden term.',
      'We keep logs for thirty days.',
    ]);
    expect(segments.map((s) => s.tag)).toEqual([
      'dd',
      'dd',
      'dd',
      'dt',
      'dd',
      'dt',
      'p',
      'p',
      'dd',
      'p',
    ]);
    // The term is highlighted with its description; a term without one stays its own block.
    const dts = [...document.querySelectorAll('dt')];
    expect(segments.map((s) => s.term)).toEqual([
      dts[0],
      dts[1],
      undefined,
      undefined,
      dts[3],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // The bold term is no heading any more: every pair still sits under the h2.
    expect(segments.every((s) => s.heading === 'Categories of personal information')).toBe(true);
    // The term's text nodes come first, so offsets into the text still map onto the page.
    expect(segments[1]?.textNodes?.map((n) => n.data.trim()).filter(Boolean)).toEqual([
      'Identifiers',
      'Name,',
      'email address',
      'and ID card number.',
    ]);
  });

  it('reads a policy pasted as preformatted text paragraph by paragraph', () => {
    setPage(`<h2>Your data</h2>
      <pre>PRIVACY NOTICE

We collect your email address
when you sign up.

We share it with our payment processor.</pre>
      <pre>const collected = ['email', 'name'];
send(collected);</pre>`);
    const segments = segmentPage(document).filter((s) => s.tag === 'pre');
    expect(segments.map((s) => [s.text, s.isHeading, s.inline, s.heading])).toEqual([
      ['PRIVACY NOTICE', true, undefined, undefined],
      ['We collect your email address when you sign up.', false, true, 'PRIVACY NOTICE'],
      ['We share it with our payment processor.', false, true, 'PRIVACY NOTICE'],
      // A block of code without blank lines is one ordinary paragraph.
      ["const collected = ['email', 'name']; send(collected);", false, undefined, 'Your data'],
    ]);
  });

  it('keeps the cells of layout tables and very long rows apart', () => {
    const long = 'We collect the words of a long cell. '.repeat(100);
    setPage(`
      <table><tr><td><h2>Privacy</h2><p>We collect your name and email.</p></td><td><p>Menu of the site here.</p></td></tr></table>
      <table><tr><td>${long}</td><td>We share data with partners.</td></tr></table>`);
    const segments = segmentPage(document).filter((s) => !s.isHeading);
    expect(texts(segments)).toEqual([
      'We collect your name and email.',
      'Menu of the site here.',
      long.trim(),
      'We share data with partners.',
    ]);
  });

  it('splits a li with a nested list into its own text and the nested items', () => {
    setPage(`<ul><li>Information you provide to us:
      <ul><li>Account details such as name.</li><li>Payment details such as card.</li></ul>
      </li><li>Information collected automatically from devices.</li></ul>`);
    const segments = segmentPage(document);
    expect(texts(segments)).toEqual([
      'Information you provide to us:',
      'Account details such as name.',
      'Payment details such as card.',
      'Information collected automatically from devices.',
    ]);
    const outer = document.querySelector('li') as Element;
    expect(segments[0]?.element).toBe(outer);
    expect(segments[1]?.element).toBe(outer.querySelector('li'));
  });

  it('treats divs holding text as paragraphs and splits at <br><br>', () => {
    setPage(`<div class="content"><div>First paragraph as a div with <a href="#">a link</a> inside.</div>
      <div>Second line of text<br>continues after one break.<br><br>
      Third paragraph after a double break here.</div></div>`);
    const segments = segmentPage(document);
    expect(texts(segments)).toEqual([
      'First paragraph as a div with a link inside.',
      'Second line of text continues after one break.',
      'Third paragraph after a double break here.',
    ]);
    expect(segments[1]?.element).toBe(segments[2]?.element);
    // Paragraphs sharing an element are stretches of it, highlighted one by one.
    expect(segments.map((s) => s.inline ?? false)).toEqual([false, true, true]);
  });

  it('lists the text nodes that make up each segment', () => {
    setPage(
      `<ul><li>Before <b>bold</b> text<span hidden>secret</span>.<ul><li>Nested item text here.</li></ul> and after the list.</li></ul>`,
    );
    const [outer, nested, after] = segmentPage(document);
    const joined = (s: Segment | undefined) => (s?.textNodes ?? []).map((n) => n.data).join('');
    expect(joined(outer)).toBe('Before bold text.');
    expect(joined(nested)).toBe('Nested item text here.');
    expect(after?.text).toBe('and after the list.');
    expect(joined(after).trim()).toBe('and after the list.');
  });

  it('keeps the text around a nested block as separate runs of the outer block', () => {
    setPage(
      `<div>Text before the nested block.<p>The nested paragraph itself.</p>Text after the nested block.</div>`,
    );
    expect(texts(segmentPage(document))).toEqual([
      'Text before the nested block.',
      'The nested paragraph itself.',
      'Text after the nested block.',
    ]);
  });

  it('normalises whitespace and drops blocks under three words except headings', () => {
    setPage(`<h2>Cookies</h2><p>  Read   more\n\n here  now </p><p>OK</p><p>Two words</p>`);
    expect(texts(segmentPage(document))).toEqual(['Cookies', 'Read more here now']);
  });

  it('counts Chinese characters as words', () => {
    setPage(`<p>我们会收集您的设备信息。</p><p>首页</p>`);
    expect(texts(segmentPage(document))).toEqual(['我们会收集您的设备信息。']);
  });

  it('segments only inside the given root element', () => {
    setPage(
      `<p>Outside paragraph of text.</p><section id="s"><p>Inside paragraph of text.</p></section>`,
    );
    const root = document.getElementById('s') as Element;
    expect(texts(segmentPage(root))).toEqual(['Inside paragraph of text.']);
  });
});

describe('segmentPage: headings', () => {
  it('marks headings and attaches every segment to the nearest preceding heading', () => {
    setPage(`<h1>Privacy Policy</h1><p>Intro paragraph of the policy.</p>
      <h2>Information we collect</h2><p>We collect contact details.</p>
      <h3>From your devices</h3><p>We collect device identifiers.</p>
      <h2>Sharing</h2><p>We share with processors only.</p>
      <div role="heading" aria-level="3">Advertising partners</div><p>Ad partners get hashed email.</p>`);
    const segments = segmentPage(document);
    const view = segments.map((s) => [s.text, s.isHeading, s.heading]);
    expect(view).toEqual([
      ['Privacy Policy', true, undefined],
      ['Intro paragraph of the policy.', false, 'Privacy Policy'],
      ['Information we collect', true, 'Privacy Policy'],
      ['We collect contact details.', false, 'Information we collect'],
      ['From your devices', true, 'Information we collect'],
      ['We collect device identifiers.', false, 'From your devices'],
      ['Sharing', true, 'Privacy Policy'],
      ['We share with processors only.', false, 'Sharing'],
      ['Advertising partners', true, 'Sharing'],
      ['Ad partners get hashed email.', false, 'Advertising partners'],
    ]);
  });

  it('treats a short or numbered bold-only paragraph as a heading below the real ones', () => {
    setPage(`<h2>Your rights</h2><p><strong>4.1 Access</strong></p><p>You may ask for a copy of your data.</p>
      <p><strong>This whole sentence is bold but it ends with a full stop.</strong></p>
      <p><em>An italic line is not a heading</em></p>
      <p><b>We do not sell your personal information</b></p>
      <p><strong>4.2 Correcting or deleting what we hold about you</strong></p>`);
    const segments = segmentPage(document);
    expect(segments.map((s) => [s.text, s.isHeading, s.heading])).toEqual([
      ['Your rights', true, undefined],
      ['4.1 Access', true, 'Your rights'],
      ['You may ask for a copy of your data.', false, '4.1 Access'],
      ['This whole sentence is bold but it ends with a full stop.', false, '4.1 Access'],
      ['An italic line is not a heading', false, '4.1 Access'],
      ['We do not sell your personal information', false, '4.1 Access'],
      ['4.2 Correcting or deleting what we hold about you', true, 'Your rights'],
    ]);
  });
});

describe('segmentPage: skipped content', () => {
  it('skips navigation, site header, footer and aside landmarks', () => {
    setPage(`<header><a href="/">Acme home page link</a><nav><a>Products for every team</a></nav></header>
      <nav><ul><li>Pricing plans for teams</li></ul></nav>
      <div role="navigation"><p>Breadcrumb trail of the page</p></div>
      <main><p>The policy text itself is here.</p></main>
      <aside><p>Related articles you may like.</p></aside>
      <footer><p>Copyright Acme Inc all rights reserved.</p></footer>
      <div role="contentinfo"><p>More footer links and text.</p></div>`);
    expect(texts(segmentPage(document))).toEqual(['The policy text itself is here.']);
  });

  it('skips menus, sidebars and footers built from divs, and short lists of links', () => {
    setPage(`<div class="site-header"><div class="mega-menu"><h3>Grocery aisle</h3><ul><li><a>Fresh produce and vegetables</a></li></ul></div></div>
      <div class="sidebar"><p>Other legal documents we publish</p></div>
      <div class="content"><h1>Privacy Policy</h1><p>We share data with <a href="/partners">our partners</a> for ads.</p>
      <ul><li><a href="#collect">Information we collect</a></li><li><a href="/opt-out">Opt out of interest-based ads</a> at any time using this page.</li></ul></div>
      <div class="pie"><a>Aviso legal</a> | <a>Privacidad</a> | <a>Condiciones de compra</a></div>
      <div id="footer"><p>Copyright Brightmart Stores all rights reserved.</p></div>`);
    expect(texts(segmentPage(document))).toEqual([
      'Privacy Policy',
      'We share data with our partners for ads.',
      'Opt out of interest-based ads at any time using this page.',
    ]);
  });

  it('keeps chrome-named blocks inside main and a chrome-named block holding the main text', () => {
    setPage(
      `<main><div class="entry-header"><p>Effective from 1 May 2025 onwards.</p></div></main>`,
    );
    expect(texts(segmentPage(document))).toEqual(['Effective from 1 May 2025 onwards.']);
    setPage(
      `<div class="page-wrapper nav-open"><p>The whole policy text sits in a wrapper whose class mentions a navigation state, and it is most of the page.</p></div>`,
    );
    expect(texts(segmentPage(document))).toHaveLength(1);
  });

  it('keeps a header or footer that belongs to the article', () => {
    setPage(`<article><header><h1>Privacy Notice</h1><p>Effective from 1 May 2025.</p></header>
      <p>Body of the privacy notice text.</p><footer><p>Questions? Write to privacy@acme.test please.</p></footer></article>`);
    expect(texts(segmentPage(document))).toEqual([
      'Privacy Notice',
      'Effective from 1 May 2025.',
      'Body of the privacy notice text.',
      'Questions? Write to privacy@acme.test please.',
    ]);
  });

  it('keeps a landmark that holds the main text of a page without main', () => {
    setPage(`<aside><p>The whole policy lives in an aside on this odd page, with a lot of text so that it is
      clearly most of the page and not a sidebar at all.</p></aside><p>Short note here.</p>`);
    expect(texts(segmentPage(document))).toHaveLength(2);
  });

  it('skips scripts, styles, templates, form controls and editable regions', () => {
    setPage(`<p>Visible paragraph with <script>var hidden = "script text here";</script>words.</p>
      <style>p { color: red; } .x { color: blue; }</style><template><p>Template paragraph text here.</p></template>
      <noscript><p>Please enable JavaScript now.</p></noscript>
      <form><label>Your email address here</label><textarea>Typed text in a box</textarea>
      <select><option>Option one two three</option></select><button>Click this big button</button></form>
      <div contenteditable="true"><p>Editable paragraph text here.</p></div>`);
    expect(texts(segmentPage(document))).toEqual([
      'Visible paragraph with words.',
      'Your email address here',
    ]);
  });

  it('skips hidden text: hidden attribute, aria-hidden, inline and stylesheet display/visibility', () => {
    setPage(
      `<p>Visible paragraph of text.</p><p hidden>Hidden attribute paragraph text.</p>
      <p aria-hidden="true">Aria hidden paragraph text.</p><p style="display: none">Inline display none text.</p>
      <div style="visibility:hidden"><p>Inline visibility hidden text.</p></div>
      <div class="collapsed"><p>Collapsed by a style sheet rule.</p></div>
      <p class="invisible">Invisible by a style sheet rule.</p>
      <p>Inline <span hidden>secret</span>hidden span removed.</p>`,
      '<style>.collapsed { display: none } .invisible { visibility: hidden }</style>',
    );
    expect(texts(segmentPage(document))).toEqual([
      'Visible paragraph of text.',
      'Inline hidden span removed.',
    ]);
  });

  it('skips cookie banners (vendor names, or cookie words on a dialog or fixed box) but not cookie sections', () => {
    setPage(
      `<div id="onetrust-banner-sdk"><p>We use cookies to improve your experience.</p></div>
      <div class="cookie-consent" role="dialog"><p>Accept all cookies on this site?</p></div>
      <div class="gdpr-banner" style="position: fixed; bottom: 0"><p>We value your privacy and consent.</p></div>
      <div class="cookie-notice-bar"><p>Cookie bar fixed by a style sheet.</p></div>
      <section id="cookies"><h2>Cookies</h2><p>We use cookies to remember your settings.</p></section>`,
      '<style>.cookie-notice-bar { position: fixed; top: 0 }</style>',
    );
    expect(texts(segmentPage(document))).toEqual([
      'Cookies',
      'We use cookies to remember your settings.',
    ]);
  });

  it("skips Fineprint's own UI but keeps text inside its highlight marks", () => {
    setPage(`<div data-fp-ui><p>Fineprint tooltip text here.</p></div><div class="fp-panel"><p>Fineprint panel text here.</p></div>
      <p>We collect your <fp-mark data-fp-type="location">precise location</fp-mark> daily.</p>`);
    expect(texts(segmentPage(document))).toEqual(['We collect your precise location daily.']);
  });
});

describe('segmentPage: ids, cap, purity', () => {
  const policy = `<h1>Privacy Policy</h1><p>We collect your email address.</p><p>Learn more about this.</p>
    <h2>Sharing</h2><p>Learn more about this.</p><p>We share data with processors.</p>`;

  it('gives stable ids: same page, same ids; repeats get an occurrence index', () => {
    setPage(policy);
    const first = segmentPage(document).map((s) => s.id);
    setPage(`<div class="reloaded">${policy}</div>`);
    const second = segmentPage(document).map((s) => s.id);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => /^fp-[0-9a-z]+-\d+$/.test(id))).toBe(true);
    expect(first[2]?.replace(/-\d+$/, '')).toBe(first[4]?.replace(/-\d+$/, ''));
  });

  it('keeps ids of unchanged paragraphs when a paragraph is inserted before them', () => {
    setPage(policy);
    const before = segmentPage(document).map((s) => s.id);
    setPage(`<p>A new banner paragraph appeared.</p>${policy}`);
    const after = segmentPage(document).map((s) => s.id);
    expect(after.slice(1)).toEqual(before);
  });

  it('respects the segment cap', () => {
    setPage(
      Array.from({ length: 50 }, (_, i) => `<p>Paragraph number ${i} of the page.</p>`).join(''),
    );
    expect(segmentPage(document, { maxSegments: 7 })).toHaveLength(7);
    expect(segmentPage(document)).toHaveLength(50);
  });

  it('does not change the DOM', () => {
    setPage(
      `<nav>Menu items here</nav><main>${policy}<ul><li>Item text of a list.<ul><li>Nested item in the list.</li></ul></li></ul>
      <div class="cookie-banner" style="position:fixed">We use cookies on this site.</div></main>`,
      '<style>.x{display:none}</style>',
    );
    const before = serialize(document);
    segmentPage(document);
    expect(serialize(document)).toBe(before);
  });

  it('segmentWithFrames gives distinct ids across documents and covers the top document', () => {
    setPage(policy);
    const segments = segmentWithFrames(document);
    expect(segments.length).toBe(segmentPage(document).length);
    expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
  });
});
