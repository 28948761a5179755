/**
 * Phrases that show each sensitive data type (../shared/TAXONOMY.md), as regular-expression
 * fragments. Syntax, applied by compile.ts: matching is case-insensitive and on word boundaries;
 * a space matches any run of spaces, no-break spaces or hyphens ("real-name" = "real name");
 * an apostrophe matches ' or ’. Fragments must use non-capturing groups only.
 *
 * Order matters where phrases share a start: the first entry that matches at a position wins,
 * so device identifiers come before location ("Wi-Fi MAC" before "Wi-Fi") and longer phrases
 * come before their prefixes within a type. HEAD_NOUN is appended to every entry.
 */
import type { SensitiveId } from '../taxonomy';
import {
  CHILD_CONTEXT,
  DATA_CONTEXT,
  HEALTH_CONTEXT,
  LOCATION_CONTEXT,
  MESSAGE_CONTEXT,
  PAYMENT_CONTEXT,
  RECORDING_CONTEXT,
} from './context';

export interface LexiconEntry {
  type: SensitiveId;
  pattern: string;
  /** When set, the sentence holding the match must match it (for ambiguous words). */
  context?: RegExp;
  /** When true, a denial anywhere in the clause cancels the match, not only one before it. */
  wholeClause?: boolean;
  /** When set, the matched text itself must pass (e.g. upper-case "MAC" but not "Mac"). */
  accept?: (match: string) => boolean;
}

/** Head nouns that extend a phrase: "location" + " data", "IMEI" + " number". */
export const HEAD_NOUN =
  '(?: (?:information|info|data|details|numbers?|records?|history|list|logs?))?';

/** Phrases that name the data type on their own ("IMEI", "bank card number"). */
const strong = (type: SensitiveId, ...patterns: string[]): LexiconEntry[] =>
  patterns.map((pattern) => ({ type, pattern }));
/** Words that name it only in the right setting ("location", "calls"): see context.ts. */
const weak = (type: SensitiveId, context: RegExp, ...patterns: string[]): LexiconEntry[] =>
  patterns.map((pattern) => ({ type, pattern, context }));

const LOC_MOD =
  '(?:precise|approximate|coarse|fine|exact|accurate|real time|current|last known|geographic(?:al)?|physical|gps|live|background|continuous|historical|device|mobile device|ip based|city level|general)';

export const LEXICON: readonly LexiconEntry[] = [
  // Device identifiers first: several start with words the location entries also use.
  ...strong(
    'device-identifiers',
    '(?:unique |mobile |hardware |persistent )?device (?:identifiers?|ids?|identification numbers?|serial numbers?)',
    '(?:android |google |mobile |apple )?(?:advertising|advertiser|ad) (?:identifiers?|ids?)',
    'identifiers? for advertis(?:ing|ers)',
    '(?:hardware |device |sim card |sim |phone )?serial numbers?',
    'hardware (?:identifiers?|ids?)',
    "(?:mobile )?device's (?:unique )?(?:identifiers?|ids?|identification numbers?)",
    'unique (?:device )?identifiers? (?:for|of) (?:your|the|each|a) (?:mobile )?device',
    'uuids?',
    // Fingerprints of a device or browser identify it as surely as a serial number.
    '(?:device|browser) fingerprints?',
    'imeis?',
    'imsis?',
    'meids?',
    'iccids?',
    'udids?',
    'oaids?',
    'idfas?',
    'idfvs?',
    'gaids?',
    'ssaids?',
    'android ids?',
    '(?:b?ssids?)(?: and b?ssids?)?',
  ),
  {
    type: 'device-identifiers',
    pattern: '(?:(?:wi fi|wifi|wlan|bluetooth|ethernet|device) )?mac(?: address(?:es)?)?',
    // "Mac" is also Apple's computer: accept the bare word only in capitals.
    accept: (m) => / address/i.test(m) || /MAC$/.test(m),
  },

  // Location.
  ...strong(
    'location',
    `(?:${LOC_MOD} )*geo ?locations?`,
    `(?:${LOC_MOD} )+locations?`,
    'locations? (?:history|data|information|services? data|coordinates|tracking)',
    // Whose location it is settles the sense: "your location" is the user's, "our locations" are shops.
    "(?<=(?:your|users?'?|user's|device's|phone's|their|his or her|a user's) (?:\\w+ (?:and/or|and|or) )?)location",
    'location based (?:services?|advertising|ads|features?|content|offers)',
    'latitude and longitude',
    'geo ?locational(?: information| data)?',
    'geographic(?:al)? (?:regions?|areas?|positions?|coordinates)',
    "(?:locate|locating|find|finding) (?:your |the |a )?(?:(?:lost|stolen|missing|child'?s) )?(?:device|phone)",
    '(?:gps|geographic(?:al)?|geo) coordinates',
    'gps(?: locations?| signals?| positioning| data| information)?',
    '(?:cellular |mobile )?base stations?(?: information| data| signals?)?',
    'cell (?:towers?|ids?|sites?)',
    'nearby (?:wi fi|wifi|wlan)(?: access points?| hotspots?| networks?| signals?)?',
    'nearby bluetooth(?: devices| beacons| signals)?',
    '(?:wi fi|wifi|wlan) (?:lists?|access points?|hotspots? lists?|scan results|positioning)',
    'bluetooth beacons?',
    'whereabouts(?: and (?:tracks|movements))?',
    '(?:trip|travel|driving|running|cycling|movement) (?:routes?|trajector(?:y|ies)|tracks?|paths?)',
    'movement (?:data|history)',
    'places you (?:visit|have visited|go)',
    'city(?= from (?:your |the )?ip)',
  ),
  ...weak('location', LOCATION_CONTEXT, '(?:wi fi|wifi|wlan)', 'bluetooth'),
  // Plural "locations" is nearly always places of business ("in the locations where we operate").
  ...weak('location', DATA_CONTEXT, 'location'),

  // Biometric.
  ...strong(
    'biometric',
    'biometrics?(?: (?:identifiers?|templates?|characteristics|features|markers|measurements|authentication|verification|recognition))?',
    '(?:facial|face) (?:recognition|features?|information|info|data|images?|photos?|pictures?|scans?|geometry|templates?|characteristics|verification|identification|authentication|prints?|biometrics?|landmarks|measurements|attributes|models?)',
    'face ?prints?',
    'fingerprints?(?: (?:templates?|images?|scans?|recognition|verification|features|patterns?))?',
    'voice ?prints?(?: features)?',
    'voice (?:models?|profiles?|samples?|biometrics?|characteristics|signatures?)',
    'speaker (?:recognition|identification|verification)',
    '(?:iris|retina|retinal)(?: or (?:iris|retina|retinal))? (?:scans?|patterns?|images?|recognition)',
    'palm ?prints?',
    'palm veins?',
    'hand geometry',
    'liveness (?:detection|checks?|tests?|verification)',
  ),

  // Health.
  ...strong(
    'health',
    '(?:physical or mental |mental or physical |mental |physical |reproductive |sexual )?health(?: and (?:physiological|fitness|wellness))? (?:information|info|data|records?|conditions?|status|history|details|metrics)',
    '(?:mental|reproductive) health',
    'information (?:about|regarding|concerning|on|relating to) (?:your |their |the )?health',
    'medical (?:records?|history|information|info|data|conditions?|diagnos[ie]s|treatments?|examinations?|reports?|consultations?|images?|test results?)',
    '(?:physical|medical|health) (?:examination|check up) reports?',
    'diagnos[ie]s',
    'prescriptions?',
    'medications?',
    'symptoms?',
    'allerg(?:y|ies)',
    'disabilit(?:y|ies)',
    'pregnan(?:cy|cies)',
    'menstrua(?:l|tion)(?: cycles?| periods?)?',
    'heart ?rates?',
    'blood (?:pressure|oxygen|glucose|sugar|type|tests?)',
    'step counts?',
    'fitness (?:data|information|activit(?:y|ies)|tracking|records?|metrics)',
    '(?:exercise|workout) (?:data|sessions?|logs?|history|records?|minutes|activity)',
    'genetic (?:data|information|tests?|testing)',
    'healthkit(?: data)?',
    'body (?:temperature|measurements|mass index)',
  ),
  ...weak(
    'health',
    HEALTH_CONTEXT,
    'sleep(?: data| patterns?| analysis| records?)?',
    'steps',
    'workouts?',
    'weight',
    'nutrition(?:al)?',
    'diet',
  ),

  // Financial.
  ...strong(
    'financial',
    // Before the card entries, so "credit card transaction data" stays one phrase.
    '(?:credit card |card |payment )?transactions? (?:records?|history|information|data|details)',
    '(?:bank|debit|credit|payment|credit or debit|debit or credit) cards?(?: numbers?| information| details| data)?',
    'bank (?:accounts?|account numbers?|details|information|statements?)',
    '(?:financial|payment|billing|banking) (?:information|info|data|details|accounts?)',
    'payment (?:methods?|status|history|records?|card)',
    '(?:alipay|wechat pay|paypal|venmo|e wallet|wallet) accounts?',
    'routing numbers?',
    'account balances?',
    '(?:order|purchase|transaction|consumption|payment) (?:information|history|records?|details|data)',
    'credit (?:scores?|reports?|records?|history|ratings?|information|limits?|checks?)',
    'creditworthiness',
    'tax returns?',
  ),
  ...weak('financial', DATA_CONTEXT, 'incomes?', 'salar(?:y|ies)'),
  // A bare "card number" may be a SIM or graphics card: count it only around payments.
  ...weak('financial', PAYMENT_CONTEXT, 'cards? (?:numbers?|details|information|data)'),

  // Government-issued identifiers.
  ...strong(
    'government-id',
    '(?:national |government |citizen |resident )?id(?:entity|entification)? cards?(?: numbers?)?',
    '(?:national |government |citizen )id(?:entity|entification)? (?:numbers?|documents?)',
    'identity (?:documents?|information|numbers?|card)',
    'id numbers?',
    'passports?(?: numbers?| details| information| photos?| cop(?:y|ies))?',
    'social security (?:numbers?|no)',
    'ssns?',
    '(?:social|national) insurance numbers?',
    'tax (?:identification|id|payer identification|file) numbers?',
    "driver'?s? licen[cs]es?(?: numbers?)?",
    'driving licen[cs]es?(?: numbers?)?',
    'government issued (?:photo )?(?:id(?:entification)?|identity)(?: cards?| documents?)?',
    '(?:photo )?id documents?',
    'real name (?:verification|authentication|registration|certification|information)',
    'real name(?= certified)',
    '(?:work|residence) permits?',
  ),
  {
    type: 'government-id',
    pattern: 'tins?',
    // "tin" is an ordinary word; only the capitalised abbreviation is an identifier.
    accept: (m) => /^TINs?$/.test(m),
  },

  // Contacts of the user (other people's details).
  ...strong(
    'contacts',
    'address books?',
    '(?:emergency|trusted) contacts',
    'phone ?books?',
    '(?:contacts?|friends?|buddy) lists?',
    '(?:phone|device|mobile|email|gmail|outlook|google|icloud) contacts',
    'social graph',
    'lists? of (?:your )?(?:friends|contacts|followers)',
  ),
  ...weak('contacts', DATA_CONTEXT, 'contacts'),

  // Communications.
  ...strong(
    'communications',
    'call (?:logs?|history|records?|lists?|details|recordings?)',
    'sms(?: messages?| content| contents| records?)?',
    'text messages?',
    'mms(?: messages?)?',
    'voice ?mails?',
    'contents? of (?:your |the |users? |any )?(?:(?:mail|e ?mails?|text messages|messages?|sms|chats?|calls?|communications?|conversations?)(?:,? (?:and |or )?)?)+',
    '(?:chat|conversation|message|messaging|communication) (?:history|logs?|records?|content|contents|transcripts?)',
    '(?:chat|group|private|direct|voice|instant|in app) messages?',
    '(?:voice|audio) (?:recordings?|input|messages?|data|commands?)',
    'audio and video (?:content|recordings?|data)',
    'e ?mail (?:content|contents|messages)',
    'clipboard(?: content| contents| data)?',
    'notifications? (?:content|contents|text)',
    'text you (?:type|enter|input)',
    'keystrokes',
    'conversation content',
  ),
  ...weak(
    'communications',
    RECORDING_CONTEXT,
    '(?:(?:customer |support |service |sales |phone |telephone )+)?calls?',
    'audio',
    'conversations?',
    'recordings',
    'chats',
  ),
  ...weak('communications', MESSAGE_CONTEXT, 'messages'),

  // Children (rule in negation.ts: a plain "we do not knowingly collect" is a denial).
  ...strong(
    'children',
    '(?:children|child|kids?|minors?|teenagers?|teens?|juveniles?|users?|persons?|people|individuals?|anyone|those|visitors?)(?: who are| aged)? (?:under|below|younger than|less than)(?: the age of)? \\d+(?: years?(?: of age| old)?)?',
    '(?:verifiable )?parental consent',
    '(?:consent|permission) (?:of|from) (?:a |the |their |his or her |your )?(?:parents?|guardians?)(?: or (?:legal )?guardians?)?',
    'age (?:verification|gate|gating|checks?|assurance|estimation)',
    "verif(?:y|ies|ying|ication of) (?:your |the user'?s |their |a user'?s )?age",
    '(?:teenager|youth|minor|kids?|child) mode',
  ),
  // A bare "children" or "guardians" counts only where children's data is handled, and any denial
  // in its clause cancels it: COPPA sections mention children in every sentence, most of which
  // ("we care about the privacy of children") say nothing about collecting their data.
  ...[
    "(?:children|child|kids?|minors?|teenagers?|teens?)(?:'s|s')?",
    'parents? or (?:legal )?guardians?',
    'guardians?',
  ].map((pattern): LexiconEntry => ({
    type: 'children',
    pattern,
    context: CHILD_CONTEXT,
    wholeClause: true,
  })),

  // Special categories of personal data (GDPR art. 9 minus health and biometrics).
  ...weak(
    'special-categories',
    DATA_CONTEXT,
    'racial(?: or ethnic)? origin',
    'ethnic(?:ity| origins?)',
    'races?',
    'religio(?:n|ns|us (?:beliefs?|views?|affiliations?))',
    '(?:religious|philosophical)(?: or (?:religious|philosophical))? beliefs?',
    'political (?:opinions?|views?|affiliations?|beliefs?|party membership)',
    'sexual (?:orientation|life|preferences?|behaviou?r)',
    'sex life',
    '(?:trade )?union membership',
    'criminal (?:records?|convictions?|offen[cs]es?|history|background(?: checks?)?)',
  ),
];
