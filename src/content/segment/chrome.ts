/**
 * Page chrome that is not content: navigation, banners, footers, cookie banners, form controls,
 * hidden and editable regions, and Fineprint's own UI. Shared by segmentation and by the
 * detection text sample, which both call `exclusion()` once per element they enter, so it reads
 * each attribute once and answers elements without attributes from their tag alone.
 */

/** Elements whose contents are never paragraphs. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'head',
  'title',
  'meta',
  'link',
]);

/** Landmarks that hold site chrome unless the page's main text is inside them. */
const LANDMARK_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const LANDMARK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);

/** Consent-platform names that are banners wherever they appear. */
const CMP_VENDOR =
  /onetrust|optanon|cookiebot|cybotcookiebot|didomi|usercentrics|truste-consent|trustarc|quantcast|qc-cmp|osano|termly|iubenda|cookieyes|cky-consent|klaro|cookie-law-info|cc-window|cc-banner|cookiefirst|sp_message_container/i;
/** Words that make an element a cookie banner when it also floats over the page or is a dialog. */
const BANNER_WORDS = /cookie|consent|gdpr|ccpa|privacy-banner|notice-banner/i;
const FIXED_STYLE = /position\s*:\s*(?:fixed|sticky)/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * Why an element and its subtree are not page content:
 * - `skip`: scripts, styles, form controls, hidden or editable regions, cookie banners, our UI;
 * - `landmark`: navigation, site header/footer, complementary content. Callers keep a landmark
 *   when the page's main text is inside it.
 */
export type Exclusion = 'skip' | 'landmark' | null;

export function exclusion(el: Element): Exclusion {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return 'skip';
  if (!el.hasAttributes()) return LANDMARK_TAGS.has(tag) && isSiteLandmark(el, tag) ? 'landmark' : null;

  let names = '';
  let role: string | null = null;
  let style: string | null = null;
  let label: string | null = null;
  let modal = false;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i] as Attr;
    switch (attr.name) {
      case 'hidden':
      case 'data-fp-ui':
        return 'skip';
      case 'aria-hidden':
        if (attr.value === 'true') return 'skip';
        break;
      case 'contenteditable':
        if (attr.value !== 'false') return 'skip';
        break;
      case 'class':
        // Our highlight wrapper `fp-mark` is page text; other `fp-` classes are our UI.
        if (/(?:^|\s)fp-/.test(attr.value) && tag !== 'fp-mark') return 'skip';
        names += ' ' + attr.value;
        break;
      case 'id':
        names += ' ' + attr.value;
        break;
      case 'role':
        role = attr.value;
        break;
      case 'style':
        style = attr.value;
        if (HIDDEN_STYLE.test(style)) return 'skip';
        break;
      case 'aria-label':
        label = attr.value;
        break;
      case 'aria-modal':
        modal = attr.value === 'true';
        break;
    }
  }
  if (names !== '' || label !== null) {
    if (isCookieBanner(el, names, label ?? '', role, style, modal)) return 'skip';
  }
  if (role !== null && LANDMARK_ROLES.has(role)) return 'landmark';
  return LANDMARK_TAGS.has(tag) && isSiteLandmark(el, tag) ? 'landmark' : null;
}

/** A header or footer inside an article or section belongs to that content, not to the site. */
function isSiteLandmark(el: Element, tag: string): boolean {
  if (tag !== 'header' && tag !== 'footer') return true;
  return !el.parentElement?.closest('article, main, section, [role="main"]');
}

function isCookieBanner(
  el: Element,
  names: string,
  label: string,
  role: string | null,
  style: string | null,
  modal: boolean,
): boolean {
  if (CMP_VENDOR.test(names)) return true;
  if (!BANNER_WORDS.test(names) && !BANNER_WORDS.test(label)) return false;
  if (role === 'dialog' || role === 'alertdialog' || modal || el.localName === 'dialog') return true;
  if (style !== null && FIXED_STYLE.test(style)) return true;
  // Computed style only for the rare element whose name mentions cookies or consent.
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const position = view.getComputedStyle(el).position;
  return position === 'fixed' || position === 'sticky';
}

/** True for cookie and consent banners: a vendor name, or cookie words on a dialog or a fixed box. */
export function isCookieBannerElement(el: Element): boolean {
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
  return isCookieBanner(
    el,
    names,
    el.getAttribute('aria-label') ?? '',
    el.getAttribute('role'),
    el.getAttribute('style'),
    el.getAttribute('aria-modal') === 'true',
  );
}
