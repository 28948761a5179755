/**
 * Finds the link to the site's privacy policy on the current page, for the popup's "find this
 * site's privacy policy" button. Only http(s) links are returned, so a page cannot make the popup
 * open a javascript: or data: URL.
 */

const LINK_TEXT =
  /\b(privacy( policy| notice| statement| center| centre)?|data protection|datenschutz|confidentialit[eé]|privacidad|privacy-policy)\b|隐私|個人情報|개인정보/i;
const LINK_HREF = /privacy|datenschutz|confidentialit|privacidad|yinsi/i;
const NOT_POLICY = /\b(settings|choices|preferences|cookie|do not sell|opt[- ]out|ad choices)\b/i;

export function findPolicyLink(doc: Document): string | null {
  let best: { url: string; score: number } | null = null;
  const anchors = doc.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && i < 5000; i++) {
    const a = anchors[i] as HTMLAnchorElement;
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', doc.baseURI);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const text = (a.textContent ?? '').trim().slice(0, 120);
    let score = 0;
    if (LINK_TEXT.test(text)) score += 2;
    if (LINK_HREF.test(url.pathname)) score += 1;
    if (NOT_POLICY.test(text)) score -= 2;
    if (a.closest('footer, [role="contentinfo"]')) score += 0.5;
    if (score >= 2 && (!best || score > best.score)) best = { url: url.href, score };
  }
  return best?.url ?? null;
}
