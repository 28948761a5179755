/**
 * A first, nearly free look: no privacy policy is written without naming privacy or personal
 * data, in its address, title, headings or opening text. Pages that never do (most of the web)
 * are ruled out here, before the word tables of the full scorer are even built; everything else
 * goes on to `scorePolicyPage`. The terms cover the languages detection knows.
 */
import type { PageSignals } from './signals';

const TERMS =
  'privacy|privacidad|privacidade|privacit|datenschutz|confidentialit|vie priv|' +
  'personal (?:data|information)|personenbezogen|donn[ée]es personnelles|dati personali|' +
  'datos personales|dados pessoais|persoonsgegevens|персональн|конфиденциальн|' +
  '个人信息|隐私|個人情報|プライバシー|개인정보';

const ANY = new RegExp(TERMS, 'i');
const ALL = new RegExp(TERMS, 'gi');

/** False when the page cannot be a privacy policy; true when the full scorer should decide. */
export function mayBePolicy(signals: PageSignals): boolean {
  if (ANY.test(signals.url) || ANY.test(signals.title)) return true;
  if (signals.headings.some((h) => ANY.test(h))) return true;
  // One passing mention (a footer link, a news story's aside) is not enough.
  return (signals.textSample.match(ALL)?.length ?? 0) >= 2;
}
