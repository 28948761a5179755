/**
 * Names outside the gazetteer, found where a policy lists its SDKs: "the Foo SDK", "SDK name:
 * Foo", "we use the following SDKs: Foo, Bar". Capitalised generic words ("The SDK", "Push SDK")
 * are rejected by a stop list so only proper names come through.
 */

/** First words that make "X SDK" a description rather than a name. */
const STOP = new Set(
  `the this that these those our such each any all third third-party advertising advertisement analytics
  push payment payments statistics statistical map maps location positioning login sharing share social
  crash security risk verification relevant partner partners following mobile android ios app application
  applications software development kit name purpose certain some other various related embedded integrated
  one its their your ad ads monitoring performance messaging message notification notifications
  authentication identity customer service services online cloud video audio live face voice speech game
  games sdk sdks provider providers company type information data personal collected scope function
  functions usage use used a an in of for with when if we you it third-parties party parties external native web
  our own first new main core basic`.split(/\s+/),
);

/** Generic nouns that never belong to an SDK's name. */
const GENERIC =
  /\b(?:Providers?|Partners?|Compan(?:y|ies)|Affiliates?|Vendors?|Services?|Networks?|Platforms?|Advertisers?|Agencies|Authorities|Information|Data|Name|Email|Address|Numbers?|Policy|Terms|Purposes?|Functions?|Permissions?|Devices?|Users?)\b/;

const WORD = '[A-Z][A-Za-z0-9+&]*(?:\\.[A-Za-z0-9]+)*';
const NAME = new RegExp(`^${WORD}(?:[ -][A-Z0-9][A-Za-z0-9+&]*(?:\\.[A-Za-z0-9]+)*){0,2}$`);

/** Drops leading description words: "Advertising Foo" → "Foo", "The Push" → "". */
export function trimName(candidate: string): string {
  const words = candidate.trim().split(/\s+/);
  while (words.length > 0 && STOP.has(words[0]!.toLowerCase())) words.shift();
  return words.join(' ');
}

/** True when `candidate` looks like the proper name of an SDK or company. */
export function isProperName(candidate: string): boolean {
  const name = candidate.trim();
  if (name.length < 2 || name.length > 40 || !NAME.test(name)) return false;
  const first = name.split(/[ -]/)[0]!.toLowerCase();
  return !STOP.has(first) && !GENERIC.test(name);
}

/** "Foo SDK" / "Foo Bar SDKs": group 1 is the name. */
export const X_SDK = new RegExp(`(?<![A-Za-z0-9.])(${WORD}(?:[ -]${WORD}){0,2})[ -]SDKs?\\b`, 'g');

/** "SDK name: Foo" in the SDK tables of Chinese app policies. */
export const SDK_NAME_FIELD =
  /\bSDK name\s*[:：]\s*([A-Z][A-Za-z0-9.+& -]{1,40}?)(?=\s*(?:[;,.\n(（:：]|$)|\s+(?:SDK|Purpose|Company|Provider|Type|Function|Data|Personal|Collected|Usage|Scope)\b)/g;

/**
 * A list of SDKs: "SDKs" directly followed by a colon, "such as" or "including" ("the following
 * SDKs: Foo, Bar"). Looser forms ("the SDK may collect data such as...") list data, not names.
 */
export const SDK_LIST =
  /\bSDKs\)?\s*(?:\([^)]*\)\s*)?(?:we use\s*|are\s*)?(?:[:：]|\bsuch as\b|\binclud(?:e|es|ing)\b|\be\.g\.,?)\s*([^.]+)/g;

/** Splits a list body "Foo, Bar and Baz" into items. */
export function listItems(body: string): string[] {
  return body
    .split(/\s*(?:[,;、]|\band\b|\bor\b|\betc\b)\s*/)
    .map((s) => s.replace(/\s*[(（].*$/, '').trim())
    .filter((s) => s !== '');
}
