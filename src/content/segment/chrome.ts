/**
 * Page chrome that is not content: navigation, banners, footers, cookie banners, form controls,
 * hidden and editable regions, and Fineprint's own UI. Shared by segmentation and by the
 * detection text sample, which both call `exclusion()` once per element they enter, so it
 * answers most elements from their tag and one native selector match.
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
 * Class or id words of site chrome built from plain divs (no nav/header/footer elements): menus,
 * sidebars, breadcrumbs, site header and footer. Only honoured outside main/article, and callers
 * still keep such an element when it holds the page's main text.
 */
const CHROME_NAMES =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|menus|megamenu|menubar|sidebar|sidenav|breadcrumbs?|header|footer|masthead|topbar|toc)(?:$|[\s_-])/i;
const CHROME_NAME_WORDS = [
  'nav',
  'menu',
  'sidebar',
  'sidenav',
  'breadcrumb',
  'header',
  'footer',
  'masthead',
  'topbar',
  'toc',
];

/**
 * Why an element and its subtree are not page content:
 * - `skip`: scripts, styles, form controls, hidden or editable regions, cookie banners, our UI;
 * - `landmark`: navigation, site header/footer, complementary content. Callers keep a landmark
 *   when the page's main text is inside it.
 */
export type Exclusion = 'skip' | 'landmark' | null;

/**
 * Elements that can be excluded because of an attribute. One native `matches()` call answers
 * for almost every element; only matching elements have their attributes read one by one.
 * (Iterating `el.attributes` instead makes Blink create an Attr node per attribute, which was
 * several times slower in scripts/bench/30-detection.ts.)
 */
const ATTRIBUTE_CANDIDATES = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[data-fp-ui]',
  '[contenteditable]',
  '[class^="fp-"]',
  '[class*=" fp-"]',
  '[style]',
  '[role]',
  ...CHROME_NAME_WORDS.flatMap((w) => [`[id*="${w}" i]`, `[class*="${w}" i]`]),
  ...['cookie', 'consent', 'gdpr', 'ccpa', 'privacy-banner', 'notice-banner'].flatMap((w) => [
    `[id*="${w}" i]`,
    `[class*="${w}" i]`,
    `[aria-label*="${w}" i]`,
  ]),
  ...[
    'onetrust',
    'optanon',
    'didomi',
    'usercentrics',
    'truste',
    'quantcast',
    'qc-cmp',
    'osano',
    'termly',
    'iubenda',
    'klaro',
    'cc-window',
    'cc-banner',
    'sp_message_container',
  ].flatMap((w) => [`[id*="${w}" i]`, `[class*="${w}" i]`]),
].join(',');

/**
 * `collapsed`: the element is a collapsed section's panel (./collapsed.ts), hidden only until the
 * reader opens it, so hiding it (`hidden`, `aria-hidden`, an inline `display: none`) does not
 * exclude it; every other reason still does.
 */
export function exclusion(el: Element, collapsed = false): Exclusion {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return 'skip';
  if (!el.hasAttributes() || !el.matches(ATTRIBUTE_CANDIDATES)) {
    return LANDMARK_TAGS.has(tag) && isSiteLandmark(el, tag) ? 'landmark' : null;
  }
  if (el.hasAttribute('data-fp-ui')) return 'skip';
  if (!collapsed && (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true')) {
    return 'skip';
  }
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return 'skip';
  const cls = el.getAttribute('class') ?? '';
  // Our highlight wrapper `fp-mark` is page text; other `fp-` classes are our UI.
  if (tag !== 'fp-mark' && /(?:^|\s)fp-/.test(cls)) return 'skip';
  const style = el.getAttribute('style');
  if (!collapsed && style !== null && HIDDEN_STYLE.test(style)) return 'skip';
  const role = el.getAttribute('role');
  const names = `${el.id} ${cls}`;
  const label = el.getAttribute('aria-label') ?? '';
  if (isCookieBanner(el, names, label, role, style, el.getAttribute('aria-modal') === 'true')) {
    return 'skip';
  }
  if (role !== null && LANDMARK_ROLES.has(role)) return 'landmark';
  if (LANDMARK_TAGS.has(tag)) return isSiteLandmark(el, tag) ? 'landmark' : null;
  if (CHROME_NAMES.test(names) && !el.closest('main, article, [role="main"]')) return 'landmark';
  return null;
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
  if (role === 'dialog' || role === 'alertdialog' || modal || el.localName === 'dialog')
    return true;
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
