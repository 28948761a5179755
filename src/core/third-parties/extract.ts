/** Finds the third parties a policy names, paragraph by paragraph, and merges them by name. */
import { AMBIGUOUS, GAZETTEER, type GazetteerEntry, type ThirdPartyKind } from './gazetteer';
import { isProperName, listItems, SDK_LIST, SDK_NAME_FIELD, trimName, X_SDK } from './sdk-names';

export interface ThirdParty {
  name: string;
  kind: ThirdPartyKind;
  paragraphIds: string[];
}

const escape = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const key = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

const BY_ALIAS = new Map<string, GazetteerEntry>();
for (const entry of GAZETTEER) {
  for (const alias of entry.aliases) if (!BY_ALIAS.has(key(alias))) BY_ALIAS.set(key(alias), entry);
}
/** Exact spellings of the ambiguous aliases, for the case check. */
const AMBIGUOUS_KEYS = new Map([...AMBIGUOUS].map((a) => [key(a), a]));

// Longest alias first, so "Google Analytics" wins over "Google" at the same position.
const ALIASES = [...BY_ALIAS.keys()].sort((a, b) => b.length - a.length);
const GAZETTEER_RE = new RegExp(
  `(?<![A-Za-z0-9_])(?:${ALIASES.map(escape).join('|')})(?![A-Za-z0-9_])`,
  'gi',
);

/** Sentences that talk about third parties; ambiguous names count only inside them. */
const THIRD_PARTY_CONTEXT =
  /\b(?:SDKs?|third[- ]part(?:y|ies)|partners?|providers?|vendors?|analytics|advertis\w*|payments?|processors?|services? (?:such as|including)|plug-?ins?|librar(?:y|ies)|attribution|measur\w*|tracking|shar(?:e|es|ed|ing) (?:\w+ )?(?:data|information) with|integrat\w*|log ?in|sign ?in|hosted|cloud|Inc\.?|Ltd\.?|LLC|GmbH|Co\.)/i;

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at === 0 || /(?:[.!?:;]\s+|\n\s*|^\s*)$/.test(before) || /[(（"“]\s*$/.test(before);
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at), -1) + 1;
  const stop = text.indexOf('. ', at);
  return text.slice(start, stop < 0 ? text.length : stop);
}

function acceptAlias(text: string, match: string, at: number): boolean {
  const exact = AMBIGUOUS_KEYS.get(key(match));
  if (exact === undefined) return /[A-Z0-9]/.test(match); // "google it" is a verb, not a company.
  return (
    match === exact &&
    !sentenceStart(text, at) &&
    THIRD_PARTY_CONTEXT.test(sentenceAround(text, at))
  );
}

/** Every third party named in one paragraph, as canonical name + kind. */
export function namesIn(text: string): { name: string; kind: ThirdPartyKind }[] {
  const out: { name: string; kind: ThirdPartyKind }[] = [];
  GAZETTEER_RE.lastIndex = 0;
  for (let m = GAZETTEER_RE.exec(text); m; m = GAZETTEER_RE.exec(text)) {
    const entry = BY_ALIAS.get(key(m[0]));
    if (entry && acceptAlias(text, m[0], m.index)) out.push(entry);
  }
  const unknown = (raw: string): void => {
    const name = trimName(raw.replace(/\s+SDKs?$/i, ''));
    if (name === '') return;
    // "OneSignal Messaging" is OneSignal: try the longest known prefix first.
    const words = name.split(' ');
    let known: GazetteerEntry | undefined;
    for (let n = words.length; n > 0 && !known; n -= 1)
      known = BY_ALIAS.get(key(words.slice(0, n).join(' ')));
    if (known) out.push(known);
    else if (isProperName(name)) out.push({ name: `${name} SDK`, kind: 'sdk' });
  };
  for (const m of text.matchAll(X_SDK)) if (m[1]) unknown(m[1]);
  for (const m of text.matchAll(SDK_NAME_FIELD)) if (m[1]) unknown(m[1]);
  for (const m of text.matchAll(SDK_LIST)) for (const item of listItems(m[1] ?? '')) unknown(item);
  return out;
}

export function extractThirdParties(
  paragraphs: readonly { id: string; text: string }[],
): ThirdParty[] {
  const byName = new Map<string, ThirdParty>();
  for (const p of paragraphs) {
    for (const { name, kind } of namesIn(p.text)) {
      // Names found by the SDK patterns may repeat a gazetteer name in another case: merge them.
      const k = key(name);
      const found = byName.get(k);
      if (!found) byName.set(k, { name, kind, paragraphIds: [p.id] });
      else if (!found.paragraphIds.includes(p.id)) found.paragraphIds.push(p.id);
    }
  }
  return [...byName.values()];
}
