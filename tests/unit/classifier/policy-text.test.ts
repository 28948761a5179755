import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, textToParagraphs } from '../../../scripts/lib/policy-text';

describe('policy text splitting', () => {
  it('splits HTML into blocks, marks headings and drops scripts', () => {
    const html =
      '<html><head><style>p{}</style></head><body><h2>Data we <b>collect</b></h2>' +
      '<p>Your name &amp; email.</p><ul><li>IMEI</li><li>OAID</li></ul><script>"<p>x</p>"</script></body></html>';
    expect(htmlToParagraphs(html)).toEqual([
      { text: 'Data we collect', isHeading: true },
      { text: 'Your name & email.' },
      { text: 'IMEI' },
      { text: 'OAID' },
    ]);
  });

  it('reads a data table row as one paragraph and drops rows of column names', () => {
    const html =
      '<table><tr><th>SDK</th><th>Data</th></tr>' +
      '<tr><td>Umeng &lt;statistics&gt; &amp;lt;</td><td>IMEI,<br>OAID</td></tr>' +
      '<tr><td><h3>Layout</h3></td><td>We collect your email.</td></tr></table>';
    expect(htmlToParagraphs(html)).toEqual([
      { text: 'Umeng <statistics> &lt; IMEI, OAID' },
      { text: 'Layout', isHeading: true },
      { text: 'We collect your email.' },
    ]);
  });

  it('reads a definition term with its description, unless either holds blocks', () => {
    const html =
      '<dl><dt>Precise <b>location</b></dt> <dd>Shows stores &amp; offers near you.</dd>' +
      '<dd>Also weather.</dd><dt>Retention</dt><dd><p>30 days.</p></dd></dl>';
    expect(htmlToParagraphs(html)).toEqual([
      { text: 'Precise location Shows stores & offers near you.' },
      { text: 'Also weather.' },
      { text: 'Retention' },
      { text: '30 days.' },
    ]);
  });

  it("reads a details section's short summary as its heading", () => {
    const html =
      '<details><summary>Who we share it with</summary><p>Couriers get your phone number.</p></details>' +
      '<details><summary>We never sell your data, and we say so here in full.</summary></details>';
    expect(htmlToParagraphs(html)).toEqual([
      { text: 'Who we share it with', isHeading: true },
      { text: 'Couriers get your phone number.' },
      { text: 'We never sell your data, and we say so here in full.' },
    ]);
  });

  it('splits a pre at blank lines, and leaves a code block whole', () => {
    const html =
      '<pre>We collect your\nemail &amp; name.\n\nWe share it with <b>processors</b>.</pre>' +
      '<pre>send(email);\nlog(name);</pre>';
    expect(htmlToParagraphs(html)).toEqual([
      { text: 'We collect your email & name.' },
      { text: 'We share it with processors.' },
      { text: 'send(email); log(name);' },
    ]);
  });

  it('splits plain text at blank lines and spots short headings', () => {
    const text = '1. Retention\n\nWe keep data\nfor 30 days.\n\n\nWe delete backups yearly.';
    expect(textToParagraphs(text)).toEqual([
      { text: '1. Retention', isHeading: true },
      { text: 'We keep data for 30 days.' },
      { text: 'We delete backups yearly.' },
    ]);
  });
});
