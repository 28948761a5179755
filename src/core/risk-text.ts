/**
 * Phrase detectors used by the risk rules (issue 4). The classifier tells us *which* practice a
 * paragraph describes; these small, named functions read the paragraph text to tell *how* (does
 * it sell data, or promise not to?). Each works sentence by sentence and looks for a negation in
 * the same clause, so "we do not sell your data" is not read as a sale.
 */

/** Splits text into sentences at ., !, ? or ; followed by whitespace. Good enough for policy prose. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Negations, including apostrophe-less forms seen in scraped policies ("we dont sell") and
 * prohibitions on others ("partners are restricted from selling this data").
 */
const NEGATION =
  /\b(?:not|never|no|nor|neither|none|cannot|dont|doesnt|didnt|wont|isnt|arent)\b|n['’]t\b|\b(?:restricted|prohibited|forbidden|barred) from\b/i;
/**
 * Words and punctuation that start a new clause, so a negation before them does not carry over.
 * Plain commas are not breaks: they mostly join lists ("does not sell, trade or rent").
 */
const CLAUSE_BREAK = /[:()]|\b(?:but|however|except|although|though|unless|whereas)\b/i;
/** How many words before a match are searched for a negation. */
const NEGATION_WINDOW_WORDS = 8;

/**
 * True when the clause leading up to `index` in `sentence` contains a negation within a few words
 * ("we do not sell", "we will never share"). A negation in an earlier clause ("we don't sell your
 * data, but we share it with advertisers") does not count.
 */
export function isNegatedAt(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index);
  const parts = before.split(CLAUSE_BREAK);
  const clause = parts[parts.length - 1] ?? '';
  const words = clause.trim().split(/\s+/).slice(-NEGATION_WINDOW_WORDS).join(' ');
  return NEGATION.test(words);
}

/** Result of looking for a practice in a paragraph: affirmed somewhere, denied somewhere, or neither. */
export interface PhraseHits {
  affirmed: boolean;
  denied: boolean;
}

/**
 * Finds every match of `pattern` (which must have the `g` flag) in each sentence, skipping
 * sentences for which `skipSentence` is true, and sorts the matches into affirmed and denied.
 */
export function scanPhrases(
  text: string,
  pattern: RegExp,
  skipSentence: (sentence: string) => boolean = () => false,
): PhraseHits {
  const hits: PhraseHits = { affirmed: false, denied: false };
  for (const sentence of sentences(text)) {
    if (skipSentence(sentence)) continue;
    for (const match of sentence.matchAll(pattern)) {
      if (isNegatedAt(sentence, match.index)) hits.denied = true;
      else hits.affirmed = true;
    }
  }
  return hits;
}

/** Words that make the thing sold personal data: "sell your ...", "rent our mailing lists". */
const DATA_OBJECT = String.raw`(?:your|personal|data|information|info|details|lists?|names?|addresses|profiles?|PII)`;
/** Up to eight words between the verb and its data object. */
const GAP = String.raw`(?:\W+[\w'’-]+){0,8}?\W+`;
/** Active sale whose object is data: "we may rent, sell, or share your information". */
const ACTIVE_SALE = new RegExp(
  String.raw`\b(?:sell|sells|selling|rent|rents|renting|sale of)\b(?=${GAP}${DATA_OBJECT}\b)`,
  'gi',
);
/** Passive sale of data: "your information will not be sold". The verb is the match. */
const PASSIVE_SALE = new RegExp(
  String.raw`(?<=\b${DATA_OBJECT}\b${GAP})(?:be|is|are|been|being)\s+(?:sold|rented)\b`,
  'gi',
);
/** "If we are acquired or sell our assets, data moves with the business": a transfer, not a sale. */
const BUSINESS_TRANSFER =
  /\b(?:merger|merge|acquisition|acquired|acquirer|bankruptcy|insolvency|reorgani[sz]ation|assets|divestiture|successor|corporate transaction)\b|\bbusiness (?:is |are |were )?(?:sold|transferred)\b/i;
/**
 * The California "Do Not Sell My Personal Information" link and "your right to opt out of the
 * sale" describe a right, not a practice; they neither admit nor deny a sale.
 */
const SALE_RIGHTS = /do not sell (?:or share )?my|opt[- ]?out|right to|request that we/i;

/**
 * Does the text say personal data is sold or rented (affirmed), or promise it is not (denied)?
 * The thing sold must be data ("sell your information", "rent our mailing lists"), so merchants
 * selling products, users "selling subscriptions" and business transfers do not count.
 */
export function detectSale(text: string): PhraseHits {
  const skip = (s: string) => BUSINESS_TRANSFER.test(s) || SALE_RIGHTS.test(s);
  const active = scanPhrases(text, ACTIVE_SALE, skip);
  const passive = scanPhrases(text, PASSIVE_SALE, skip);
  return {
    affirmed: active.affirmed || passive.affirmed,
    denied: active.denied || passive.denied,
  };
}

const ADVERTISING =
  /\badvertis(?:er|ers|ing|ement|ements)\b|\bad (?:networks?|partners?|servers?|exchanges?|tech)\b|\b(?:targeted|personali[sz]ed|interest-based|behaviou?ral) (?:ads|advertising|marketing)\b|\bmarketing partners?\b/gi;

/** Does the text say data goes to advertisers or ad networks? */
export function detectAdvertising(text: string): PhraseHits {
  return scanPhrases(text, ADVERTISING);
}

const TRACKERS =
  /\bSDKs?\b|\bsoftware development kits?\b|\b(?:tracking )?pixels?\b|\bweb beacons?\b|\bthird[- ]party (?:cookies|trackers?|tracking|analytics|plug-?ins?)\b|\bsocial (?:media )?plug-?ins?\b/gi;

/** Does the text say third-party SDKs, pixels or trackers collect data? */
export function detectTrackers(text: string): PhraseHits {
  return scanPhrases(text, TRACKERS);
}

const PRECISE_LOCATION =
  /\b(?:precise|exact|GPS|latitude|longitude|geolocation|fine location|real-time location)\b/i;

/** Does the text speak of precise (GPS-level) location rather than, say, country from IP? */
export function mentionsPreciseLocation(text: string): boolean {
  return PRECISE_LOCATION.test(text);
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|sixty|ninety';
const CONCRETE_PERIOD = new RegExp(
  `\\b(?:\\d+|${NUMBER_WORDS})[- ](?:calendar |business )?(?:days?|weeks?|months?|years?)\\b`,
  'i',
);

/** Does the text name a concrete period ("30 days", "two years")? */
export function statesConcretePeriod(text: string): boolean {
  return CONCRETE_PERIOD.test(text);
}

const INDEFINITE =
  /\bindefinite(?:ly)?\b|\bforever\b|\bpermanently\b|\bwithout (?:a )?time limit\b/gi;

/** Does the text say data may be kept indefinitely (and not merely deny it)? */
export function detectIndefiniteRetention(text: string): boolean {
  return scanPhrases(text, INDEFINITE).affirmed;
}

const WITHOUT_NOTICE =
  /\bwithout (?:any )?(?:prior |advance |further |additional )?notice\b|\bwithout notifying\b|\bsole discretion\b/i;
/** Any promise of notice counts ("you will be provided with appropriate online notice"). */
const NOTIFY =
  /\bnotify\b|\bnotification\b|\bnotice\b|\binform you\b|\bemail you\b|\bby e-?mail\b|\bprominent(?:ly)?\b|\blet you know\b|\balert you\b|\bask for your consent\b/i;

/** Does the text reserve a right to change the policy without telling users? */
export function saysChangesWithoutNotice(text: string): boolean {
  return WITHOUT_NOTICE.test(text);
}

/** Does the text promise to tell users about changes (email, in-app notice, prominent notice)? */
export function promisesChangeNotice(text: string): boolean {
  return NOTIFY.test(text);
}

const DNT_VERB =
  /\b(?:respond|responds|honou?r|honou?rs|respect|respects|recogni[sz]e|recogni[sz]es|support|supports|process|processes|comply|complies|act on|acts on)\b/gi;
const DNT_NO_STANDARD =
  /\bno (?:uniform|industry|common|universally accepted|agreed)[- ]?\w* standard\b/i;

/** Does the text say the service ignores Do Not Track / GPC, or that it honours the signal? */
export function detectDntStance(text: string): { ignored: boolean; honoured: boolean } {
  const hits = scanPhrases(text, DNT_VERB);
  return {
    ignored: hits.denied || DNT_NO_STANDARD.test(text),
    honoured: hits.affirmed && !hits.denied,
  };
}
