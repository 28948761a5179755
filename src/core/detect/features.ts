/**
 * Named, bounded features for privacy-policy detection (Fathom style: each returns 0..1 and is
 * unit-tested on its own; the weights live in ./score.ts). Features read `PreparedSignals`, which
 * is computed once per page.
 */
import type { PageSignals } from './signals';
import {
  phraseMatcher,
  prepareText,
  VocabCounter,
  type PhraseMatcher,
  type PreparedText,
} from './matcher';
import { countWords } from './words';
import * as V from './vocab';

export interface PreparedSignals {
  /** Meaningful path segments, lower-cased and URL-decoded (locale codes and "index" dropped). */
  pathSegments: string[];
  /** Title split at separators such as " | " and " - ". */
  titleParts: PreparedText[];
  headings: PreparedText[];
  text: PreparedText;
  /** Hits of each text vocabulary in the text sample, counted in one pass. */
  counts: Record<TextVocab, number>;
  wordCount: number;
}

const textVocabularies = {
  policy: V.POLICY_TERMS,
  we: V.WE_VOICE,
  terms: V.TERMS_TERMS,
  cookie: V.COOKIE_TERMS,
  news: V.NEWS_TERMS,
  product: V.PRODUCT_TERMS,
  docs: V.DOCS_TERMS,
  advice: V.ADVICE_TERMS,
  security: V.SECURITY_TERMS,
  app: V.APP_TERMS,
} as const;
export type TextVocab = keyof typeof textVocabularies;
let textCounter: VocabCounter<TextVocab> | null = null;
/** Built on first use: pages the prefilter rules out never build these tables. */
const textTables = () => (textCounter ??= new VocabCounter<TextVocab>(textVocabularies));

const TITLE_SEPARATORS = /\s+[|\-–—·:»/]\s+|\s*[|–—·»]\s*|[：｜]/u;
const LOCALE_SEGMENT = /^(?:[a-z]{2}(?:[-_][a-z]{2,4})?|index|default|home|v\d+|\d+)$/;
const MAX_HEADINGS = 40;

function pathSegments(url: string): string[] {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search + u.hash;
  } catch {
    // A bare path or a malformed address: use it as it is.
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // Invalid percent-encoding: keep the raw path.
  }
  return path
    .toLowerCase()
    .split(/[/?#&=]+/)
    .map((s) => s.replace(/\.(?:html?|php|aspx?|jsp)$/, ''))
    .filter((s) => s !== '' && !LOCALE_SEGMENT.test(s));
}

export function prepareSignals(signals: PageSignals): PreparedSignals {
  const text = prepareText(signals.textSample);
  return {
    pathSegments: pathSegments(signals.url),
    titleParts: signals.title
      .split(TITLE_SEPARATORS)
      .map((part) => prepareText(part))
      .filter((part) => part.lower !== ''),
    headings: signals.headings.slice(0, MAX_HEADINGS).map((h) => prepareText(h)),
    text,
    counts: textTables().count(text),
    wordCount: signals.wordCount,
  };
}

const policyNames = phraseMatcher(V.POLICY_NAMES);
const privacyWords = phraseMatcher(V.PRIVACY_WORDS);
const otherNames = phraseMatcher(V.OTHER_PAGE_NAMES);
const policySections = phraseMatcher(V.POLICY_SECTIONS);
const termsSections = phraseMatcher(V.TERMS_SECTIONS);

const URL_PRIVACY =
  /privacy|your-data|personal-data|personal-information|data-policy|datenschutz|privacidad|privacidade|confidentialit|vie-privee|riservatezza|yinsi|隐私|隱私|プライバシー|個人情報|개인정보|konfidentsialnost|personvern|integritet|data-?protection/;
/** Words that may sit next to "privacy" in the last path segment of a policy's address. */
const URL_POLICY_WORDS =
  /^(?:privacy|policy|policies|notice|your|personal|information|statement|center|centre|legal|data|protection|global|en|us|eu|full|and|cookie|cookies|our|site|web|website|app|yinsi|zhengce|datenschutz|datenschutzerklaerung|datenschutzerklärung|erklaerung|hinweise|politica|politique|de|la|privacidad|privacidade|confidentialite|confidentialité|informativa|privacyverklaring|privacybeleid|隐私政策|隐私|政策)$/;
const URL_OTHER =
  /^(?:terms|tos|eula|license|licence|conditions|agb|impressum|imprint|cookie|cookies|cookie-policy|blog|news|article|articles|story|stories|post|posts|docs|documentation|api|reference|guide|guides|help|faq|faqs|support|kb|product|products|shop|store|item|items|dp|careers|jobs|login|signin|sign-in|account|security|trust|settings)$/;

/** How much a piece of text is a name such as "Privacy Policy" rather than a sentence containing it. */
function nameStrength(text: PreparedText, names: PhraseMatcher): number {
  const found = names.found(text);
  if (found.length === 0) return 0;
  const nameWords = Math.max(...found.map((f) => countWords(f)));
  const extra = countWords(text.lower) - nameWords;
  return extra <= 3 ? 1 : extra <= 6 ? 0.6 : 0.25;
}

/**
 * Share of `hits` against privacy vocabulary, damped when there are few hits at all so that one or
 * two stray words on a short page do not count as evidence.
 */
function ratio(hits: number, policyHits: number): number {
  return (hits / (hits + policyHits + 2)) * Math.min(1, hits / 4);
}

function saturate(count: number, scale: number): number {
  return 1 - Math.exp(-count / scale);
}

/** 1 when the address ends in a privacy-policy segment (/privacy, /legal/privacy-policy), 0.4–0.7 for other mentions. */
export function urlPrivacy(s: PreparedSignals): number {
  const segs = s.pathSegments;
  const last = segs[segs.length - 1];
  if (last === undefined) return 0;
  if (URL_PRIVACY.test(last)) {
    const words = last.split(/[-_.\s]+/).filter((w) => w !== '');
    return words.every((w) => URL_POLICY_WORDS.test(w) || URL_PRIVACY.test(w)) ? 1 : 0.4;
  }
  return segs.some((seg) => URL_PRIVACY.test(seg)) ? 0.5 : 0;
}

/** 1 when the address names another kind of page (/terms, /blog/…, /docs/…), unless it ends in privacy. */
export function urlOtherPage(s: PreparedSignals): number {
  if (urlPrivacy(s) === 1) return 0;
  const segs = s.pathSegments;
  const words = (seg: string) => seg.split(/[-_.\s]+/);
  const last = segs[segs.length - 1];
  if (last !== undefined && words(last).some((w) => URL_OTHER.test(w))) return 1;
  return segs.some((seg) => words(seg).some((w) => URL_OTHER.test(w))) ? 0.5 : 0;
}

/** 1 when a part of the title is a policy name ("Privacy Policy | Acme"), less inside a headline. */
export function titlePolicyName(s: PreparedSignals): number {
  return Math.max(0, ...s.titleParts.map((p) => nameStrength(p, policyNames)));
}

/** 1 when a short part of the title is just the topic ("Privacy – Acme", "Datenschutz"). */
export function titlePrivacyWord(s: PreparedSignals): number {
  return s.titleParts.some(isJustPrivacy) ? 1 : 0;
}

/** Words allowed next to the privacy word in a bare topic title ("Your privacy", "Privacy & data"). */
const TOPIC_FILLER = new Set([
  'your',
  'our',
  'my',
  'and',
  'data',
  'the',
  'at',
  'ihre',
  'votre',
  'tu',
  'su',
]);

/** True for "Privacy", "Your privacy", "Datenschutz" but not "Privacy Center" or "Privacy settings". */
function isJustPrivacy(text: PreparedText): boolean {
  const found = privacyWords.found(text);
  if (found.length === 0 || policyNames.count(text) > 0) return false;
  if (text.cjk) return countWords(text.lower) <= Math.max(...found.map((f) => countWords(f))) + 1;
  const own = new Set(found.flatMap((f) => f.split(' ')));
  return text.tokens.every((t) => own.has(t) || TOPIC_FILLER.has(t));
}

/** 1 when the title names another kind of page (terms, cookie policy, help, docs…) and no policy. */
export function titleOtherPage(s: PreparedSignals): number {
  if (titlePolicyName(s) >= 0.6) return 0;
  return Math.max(0, ...s.titleParts.map((p) => nameStrength(p, otherNames)));
}

/** 1 when one of the first three headings is a policy name; 0.6 when it is just "Privacy". */
export function headingPolicyName(s: PreparedSignals): number {
  const top = s.headings.slice(0, 3);
  const named = Math.max(0, ...top.map((h) => nameStrength(h, policyNames)));
  return Math.max(named, top.some(isJustPrivacy) ? 0.6 : 0);
}

/** 1 when one of the first three headings names another kind of page and none names a policy. */
export function headingOtherPage(s: PreparedSignals): number {
  if (headingPolicyName(s) >= 0.6 || titlePolicyName(s) >= 0.6) return 0;
  return Math.max(0, ...s.headings.slice(0, 3).map((h) => nameStrength(h, otherNames)));
}

function sectionCount(s: PreparedSignals, matcher: PhraseMatcher): number {
  return s.headings.filter((h) => countWords(h.lower) <= 12 && matcher.count(h) > 0).length;
}

/** Headings that privacy policies share ("Information we collect", "Your rights", "Speicherdauer"). */
export function headingPolicySections(s: PreparedSignals): number {
  return saturate(sectionCount(s, policySections), 3);
}

/** Headings of terms of service ("Governing law", "Limitation of liability"). */
export function headingTermsSections(s: PreparedSignals): number {
  return saturate(sectionCount(s, termsSections), 2);
}

/** Density of privacy-practice vocabulary in the text sample. */
export function textPolicyVocab(s: PreparedSignals): number {
  return saturate(s.counts.policy, 10);
}

/** The service talking about its own data handling ("we collect", "your personal data", "this policy"). */
export function textWeVoice(s: PreparedSignals): number {
  return saturate(s.counts.we, 5);
}

/** Share of contract vocabulary ("you agree", "governing law", "warranty") against privacy vocabulary. */
export function textTermsShare(s: PreparedSignals): number {
  return ratio(s.counts.terms, s.counts.policy);
}

/** Share of cookie-only vocabulary: a cookie notice talks about cookies and little else. */
export function textCookieShare(s: PreparedSignals): number {
  return ratio(s.counts.cookie, s.counts.policy + s.counts.we);
}

/** Share of journalism vocabulary ("said", "according to", "regulators"). */
export function textNewsShare(s: PreparedSignals): number {
  return ratio(s.counts.news, s.counts.policy);
}

/** Share of shopping vocabulary ("add to cart", "in stock", "reviews"). */
export function textProductShare(s: PreparedSignals): number {
  return ratio(s.counts.product, s.counts.policy);
}

/** Share of documentation and how-to vocabulary ("parameter", "click", "go to settings"). */
export function textDocsShare(s: PreparedSignals): number {
  return ratio(s.counts.docs, s.counts.policy + s.counts.we);
}

/** Share of advice-to-businesses vocabulary (a blog post about GDPR, not a policy). */
export function textAdviceShare(s: PreparedSignals): number {
  return ratio(s.counts.advice, s.counts.policy + s.counts.we);
}

/** Share of security-page vocabulary ("SOC 2", "penetration testing", "bug bounty"). */
export function textSecurityShare(s: PreparedSignals): number {
  return ratio(s.counts.security, s.counts.policy);
}

/** Share of sign-in, careers and other application vocabulary. */
export function textAppShare(s: PreparedSignals): number {
  return ratio(s.counts.app, s.counts.policy);
}

/** 1 for a page with almost no text, 0 from 150 words up. */
export function shortPage(s: PreparedSignals): number {
  return Math.min(1, Math.max(0, (150 - s.wordCount) / 120));
}
