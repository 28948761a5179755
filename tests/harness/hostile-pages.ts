/**
 * Pages generated for the robustness suite (tests/e2e/robustness.test.ts): enormous, deep,
 * multilingual, self-rewriting and hostile pages. Every page loads the same-origin probe script
 * (tests/fixtures/pages/robust/probe.js) so a test can prove the page's own code still works
 * after Fineprint ran, and can read how long the page's main thread was blocked.
 */

export const PROBE_SRC = '/pages/robust/probe.js';

const CLAUSES = [
  'We collect information you provide directly to us, such as your name, email address and phone number when you create an account.',
  'When you use the app we automatically collect device information, including your device model, IMEI, advertising identifier and IP address.',
  'With your permission we collect your precise GPS location to show nearby stores; you can turn location access off in your device settings.',
  'We share your personal information with advertising partners and analytics providers who help us measure the effectiveness of our campaigns.',
  'You may access, correct or delete your personal information at any time from the account settings page, or by contacting our privacy team.',
  'We retain your order history for seven years to comply with tax obligations and delete inactive accounts after twenty-four months.',
  'We use encryption, firewalls and access controls to protect your information, but no method of transmission is completely secure.',
  'Our services are not directed to children under the age of 13 and we do not knowingly collect personal information from children.',
];

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clause(i: number): string {
  return `${CLAUSES[i % CLAUSES.length]!} (Clause ${i + 1}.)`;
}

/** The probe's button and output; `extraHead` carries styles or scripts of a hostile page. */
function page(title: string, body: string, options: { extraHead?: string; attrs?: string } = {}) {
  return (
    `<!doctype html><html lang="en"${options.attrs ?? ''}><head><meta charset="utf-8">` +
    `<title>${escapeText(title)}</title>${options.extraHead ?? ''}</head><body>` +
    `<div id="probe-box"><button id="probe-button" type="button">Probe</button> ` +
    `<output id="probe-out">idle</output></div>${body}` +
    `<script src="${PROBE_SRC}"></script></body></html>`
  );
}

/** A policy body of plain clauses: an h1, headings every 8 paragraphs, `count` paragraphs. */
function policyBody(count: number, clausesPerParagraph = 1): string {
  const parts = ['<main><h1>Privacy Policy</h1>'];
  for (let i = 0; i < count; i++) {
    if (i % 8 === 0) parts.push(`<h2>Section ${i / 8 + 1}: How we use information</h2>`);
    const text: string[] = [];
    for (let k = 0; k < clausesPerParagraph; k++) text.push(clause(i * clausesPerParagraph + k));
    parts.push(`<p>${escapeText(text.join(' '))}</p>`);
  }
  parts.push('</main>');
  return parts.join('\n');
}

/** A policy page of about `bytes` bytes made of long paragraphs (ten clauses each). */
export function hugePolicyHtml(bytes: number): string {
  const perParagraph = CLAUSES.join(' ').length * 1.25 + 20;
  return page('Privacy Policy | Huge Corp', policyBody(Math.ceil(bytes / perParagraph), 10));
}

/** A policy of `count` short paragraphs, far past the segment cap. */
export function manyParagraphsHtml(count: number): string {
  return page('Privacy Policy | Many Paragraphs Inc.', policyBody(count));
}

/**
 * A page with a DOM `depth` elements deep. The HTML parser stops nesting at 512 levels, so the
 * page builds its trees with a script before Fineprint's content script runs (document_idle).
 * Chromium's own renderer crashes laying out a tree about 3,000 deep (with or without any
 * extension), so the `depth`-deep tree is kept out of layout by a stylesheet rule, as pages do
 * with templates and off-screen views, and the visible policy sits `visibleDepth` deep.
 */
export function deepPolicyHtml(depth: number, visibleDepth: number): string {
  const script = `<script>
(function () {
  function chain(root, depth) {
    var node = root;
    for (var i = 0; i < depth; i++) {
      var next = document.createElement(i % 2 ? 'section' : 'div');
      node.appendChild(next);
      node = next;
    }
    node.appendChild(document.getElementById('deep-content').content.cloneNode(true));
    return node;
  }
  chain(document.getElementById('visible-root'), ${visibleDepth}).id = 'deepest-visible';
  chain(document.getElementById('hidden-root'), ${depth}).id = 'deepest';
  window.deepDepth = ${depth};
})();
</script>`;
  const content = policyBody(24)
    .replace('<main>', '<div class="policy">')
    .replace('</main>', '</div>');
  return page(
    'Privacy Policy | Deep DOM Ltd.',
    `<div id="visible-root"></div><div id="hidden-root" class="offstage"></div>` +
      `<template id="deep-content">${content}</template>${script}`,
    { extraHead: '<style>.offstage { display: none; }</style>' },
  );
}

const ZH_PARAGRAPHS = [
  '我们深知个人信息对您的重要性，并会尽全力保护您的个人信息安全可靠。请在使用我们的产品或服务前，仔细阅读并了解本隐私政策。',
  '设备信息：为保障账号安全与服务稳定，我们会收集您的设备型号、操作系统版本、设备标识符（如IMEI、Android ID、OAID、IDFA）、IP地址、网络类型等设备信息。',
  '位置信息：在您使用附近门店功能时，我们会收集您的精确地理位置信息（GPS）。您可以在系统设置中关闭定位权限。',
  '我们不会与本公司以外的任何公司、组织和个人共享您的个人信息，但以下情况除外：事先获得您明确的同意；与授权合作伙伴共享，例如第三方SDK。',
  '您可以访问、更正、删除您的个人信息，改变您授权同意的范围，注销您的账号。如您对本隐私政策有任何疑问，请联系我们。',
  '我们仅在为实现本政策所述目的所必需的期限内保留您的个人信息。我们采用加密传输、访问控制等安全措施保护您的个人信息。',
];

export function chinesePolicyHtml(): string {
  const body = [
    '<main><h1>隐私政策</h1>',
    '<h2>一、我们如何收集和使用您的个人信息</h2>',
    ...ZH_PARAGRAPHS.map((p) => `<p>${p}</p>`),
    '</main>',
  ].join('\n');
  return page('快云盘隐私政策', body, { attrs: ' lang="zh-CN"' }).replace('lang="en" lang', 'lang');
}

const AR_PARAGRAPHS = [
  'نحن نحترم خصوصيتك ونلتزم بحماية بياناتك الشخصية. توضح سياسة الخصوصية هذه كيف نجمع معلوماتك ونستخدمها ونشاركها.',
  'نجمع معلومات الجهاز مثل طراز الجهاز ونظام التشغيل ورقم IMEI ومعرّف الإعلانات وعنوان IP عند استخدامك للتطبيق.',
  'بإذنك، نجمع موقعك الجغرافي الدقيق عبر GPS لعرض المتاجر القريبة، ويمكنك إيقاف الوصول إلى الموقع من إعدادات جهازك.',
  'قد نشارك معلوماتك الشخصية مع شركاء الإعلانات ومزودي التحليلات الذين يساعدوننا في قياس فعالية حملاتنا.',
  'يمكنك الوصول إلى معلوماتك الشخصية أو تصحيحها أو حذفها في أي وقت من صفحة إعدادات الحساب.',
];

/** An Arabic policy, right to left; the identifiers Fineprint knows (IMEI, GPS) are in Latin script. */
export function arabicPolicyHtml(): string {
  const body = [
    '<main><h1>سياسة الخصوصية</h1>',
    '<h2>المعلومات التي نجمعها</h2>',
    ...AR_PARAGRAPHS.map((p) => `<p>${p}</p>`),
    '</main>',
  ].join('\n');
  return page('سياسة الخصوصية', body, { attrs: ' dir="rtl"' }).replace(
    'lang="en" dir="rtl"',
    'lang="ar" dir="rtl"',
  );
}

export const MIXED_PARAGRAPHS = [
  'We collect your device IMEI 📱 and advertising ID — 我们收集设备标识符 — نجمع معرّف الجهاز — when you install the app.',
  'With your permission we collect your precise GPS location 🌍 (精确位置信息) to show nearby stores near you; שלום עולם.',
  'We share your personal information with advertising partners 🤝 and analytics providers such as Firebase Analytics.',
  'In İstanbul and Straße 👩🏽‍💻👨‍👩‍👧 (é, ñ, ṩ) we collect your device IMEI and advertising ID when you install the app.',
  'İİİİ When you use the app we collect your precise GPS location and your IMEI.',
  'When you use the app we collect your IMEI,\u200bthe advertising\u00a0ID and your precise GPS location 🌍.',
  'Right-to-left mark \u200f and a soft\u00adhyphen: we collect your IMEI when you use the app.',
];

/** An English policy interleaved with Chinese, Arabic, Hebrew, emoji and odd whitespace. */
export function mixedScriptPolicyHtml(): string {
  const body = [
    '<main><h1>Privacy Policy</h1>',
    '<h2>Information we collect</h2>',
    ...MIXED_PARAGRAPHS.map((p) => `<p>${escapeText(p)}</p>`),
    ...CLAUSES.map((c) => `<p>${escapeText(c)}</p>`),
    '</main>',
  ].join('\n');
  return page('Privacy Policy — Mixed Scripts', body);
}

/**
 * A policy whose page keeps changing: `ticker` updates a clock and a sidebar every 50 ms without
 * touching the policy; `rewrite` replaces the whole policy with fresh (identical) nodes every
 * 300 ms, so every block Fineprint annotated is disconnected again and again.
 */
export function rewritingPolicyHtml(mode: 'ticker' | 'rewrite'): string {
  const script =
    mode === 'ticker'
      ? `<script>
(function () {
  var clock = document.getElementById('clock');
  var side = document.getElementById('side');
  window.rewrites = 0;
  setInterval(function () {
    clock.textContent = String(Date.now());
    var item = document.createElement('div');
    item.textContent = 'tick ' + window.rewrites++;
    side.appendChild(item);
    if (side.childNodes.length > 5) side.removeChild(side.firstChild);
  }, 50);
})();
</script>`
      : `<script>
(function () {
  var holder = document.getElementById('policy-holder');
  var template = document.getElementById('policy-template');
  window.rewrites = 0;
  setInterval(function () {
    holder.replaceChildren(template.content.cloneNode(true));
    window.rewrites++;
  }, 300);
})();
</script>`;
  const policy = policyBody(16);
  const body =
    mode === 'ticker'
      ? `<aside><span id="clock"></span><div id="side"></div></aside>${policy}`
      : `<div id="policy-holder">${policy}</div><template id="policy-template">${policy}</template>`;
  return page(`Privacy Policy | Rewriter (${mode})`, body + script);
}

/** Page styles that try to flatten or hide everything, ours included. */
export const HOSTILE_CSS = {
  unset: '* { all: unset !important; }',
  important: [
    'html body * { background: transparent !important; background-color: transparent !important;',
    '  box-shadow: none !important; outline: none !important; text-decoration: none !important;',
    '  color: #222 !important; display: inline !important; }',
    '#hostile-root * { background-color: transparent !important; box-shadow: none !important; }',
    '[data-fp-cat], fp-mark, [data-fp-type] { background: none !important; box-shadow: none !important; }',
    'fineprint-tooltip { display: none !important; }',
  ].join('\n'),
} as const;

export function hostileCssPolicyHtml(kind: keyof typeof HOSTILE_CSS): string {
  return page(
    `Privacy Policy | Hostile CSS (${kind})`,
    `<div id="hostile-root">${policyBody(16)}</div>`,
    { extraHead: `<style>${HOSTILE_CSS[kind]}</style>` },
  );
}

/**
 * A page that overrides DOM prototypes in its own (main) world and runs a MutationObserver storm.
 * The overrides count their calls, and the ones mark.js and our tooltip would need throw: the
 * content script runs in an isolated world, so none of them may affect it.
 */
export function hostileScriptPolicyHtml(): string {
  const script = `<script>
(function () {
  var calls = { count: 0 };
  window.hostileCalls = calls;
  function counting(proto, name) {
    var original = proto[name];
    proto[name] = function () { calls.count++; return original.apply(this, arguments); };
  }
  function throwing(proto, name) {
    proto[name] = function () { throw new Error('hostile page: ' + name + ' is forbidden'); };
  }
  counting(Node.prototype, 'appendChild');
  counting(Node.prototype, 'insertBefore');
  counting(Node.prototype, 'removeChild');
  counting(Node.prototype, 'replaceChild');
  counting(Element.prototype, 'setAttribute');
  counting(Element.prototype, 'removeAttribute');
  throwing(Text.prototype, 'splitText');
  throwing(Node.prototype, 'normalize');
  throwing(Element.prototype, 'attachShadow');
  throwing(Element.prototype, 'checkVisibility');
  throwing(Document.prototype, 'createTreeWalker');
  throwing(Document.prototype, 'createNodeIterator');
  throwing(CSSStyleSheet.prototype, 'replaceSync');
  window.getComputedStyle = function () { throw new Error('hostile page: no styles for you'); };
})();
</script>`;
  const storm = `<script>
(function () {
  var Native = window.__NativeMO;
  var records = { count: 0 };
  window.stormRecords = records;
  for (var i = 0; i < 200; i++) {
    new Native(function (list) { records.count += list.length; }).observe(document, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
  }
  var target = document.getElementById('storm');
  var n = 0;
  setInterval(function () {
    for (var k = 0; k < 20; k++) target.dataset.tick = String(n++);
  }, 10);
})();
</script>`;
  // The storm needs the real MutationObserver, so it is saved before the overrides run.
  const saveNative = '<script>window.__NativeMO = window.MutationObserver;</script>';
  return page(
    'Privacy Policy | Hostile Scripts',
    `<div id="storm"></div>${policyBody(16)}${storm}`,
    { extraHead: saveNative + script },
  );
}

/** A policy served with a strict CSP header; it has no inline script or style at all. */
export function cspPolicyHtml(): string {
  return page('Privacy Policy | Strict CSP', policyBody(16));
}

export const STRICT_CSP = "default-src 'self'; style-src 'none'; script-src 'self'; img-src 'none'";

/** A minimal valid one-page PDF (objects and xref offsets computed here). */
export function tinyPdf(text: string): string {
  const stream = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}
