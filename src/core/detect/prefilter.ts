/**
 * A first, nearly free look: no privacy policy is written without naming privacy or personal
 * data, in its address, title, headings or opening text. Pages that never do (most of the web)
 * are ruled out here, before the word tables of the full scorer are even built; everything else
 * goes on to `scorePolicyPage`. The terms cover the languages detection knows.
 */
import type { PageSignals } from './signals';

/** Lower-case terms; matched with `includes`, which needs no regular-expression compile. */
const TERMS = [
  'privacy',
  'privacidad',
  'privacidade',
  'privacit',
  'datenschutz',
  'confidentialit',
  'vie priv',
  'personal data',
  'personal information',
  'personenbezogen',
  'données personnelles',
  'donnees personnelles',
  'dati personali',
  'datos personales',
  'dados pessoais',
  'persoonsgegevens',
  'персональн',
  'конфиденциальн',
  '个人信息',
  '隐私',
  '隱私',
  '個人情報',
  'プライバシー',
  '개인정보',
];

function mentions(text: string): number {
  const lower = text.toLowerCase();
  let count = 0;
  for (const term of TERMS) {
    for (let at = lower.indexOf(term); at !== -1 && count < 2; at = lower.indexOf(term, at + 1)) {
      count++;
    }
    if (count >= 2) break;
  }
  return count;
}

/** False when the page cannot be a privacy policy; true when the full scorer should decide. */
export function mayBePolicy(signals: PageSignals): boolean {
  if (mentions(signals.url) > 0 || mentions(signals.title) > 0) return true;
  if (signals.headings.some((h) => mentions(h) > 0)) return true;
  // One passing mention (a footer link, a news story's aside) is not enough.
  return mentions(signals.textSample) >= 2;
}
