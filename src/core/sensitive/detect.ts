/** The detector: candidate phrases from one scan, then context and negation checks. */
import { SENSITIVE_IDS, type SensitiveId } from '../taxonomy';
import type { SensitiveResult, SensitiveSpan } from '../types';
import { PHRASE } from './context';
import { clauses, isNegated, type Clause } from './negation';
import { candidates } from './scan';

const isSentenceEnd = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 59;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 160;

/**
 * The sentence around [start, end), with the phrase itself replaced by PHRASE, for the context test of
 * ambiguous entries: "sleep" must not count as its own evidence of a health setting.
 */
function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !(isSentenceEnd(text.charCodeAt(a - 1)) && isSpace(text.charCodeAt(a)))) a -= 1;
  let b = end;
  while (
    b < text.length &&
    !(
      isSentenceEnd(text.charCodeAt(b)) &&
      (b + 1 >= text.length || isSpace(text.charCodeAt(b + 1)))
    )
  ) {
    b += 1;
  }
  return `${text.slice(a, start)}${PHRASE}${text.slice(end, b)}`;
}

export function detectSensitive(text: string): SensitiveResult {
  const spans: SensitiveSpan[] = [];
  let parts: Clause[] | undefined;
  for (const { start, end, entry, text: match } of candidates(text)) {
    if (!entry) continue; // A blocker swallowed this text.
    if (entry.accept && !entry.accept(match)) continue;
    if (entry.context && !entry.context.test(sentenceAround(text, start, end))) continue;
    parts ??= clauses(text);
    if (isNegated(text, parts, start, end, entry.wholeClause)) continue;
    spans.push({ type: entry.type, start, end });
  }
  const present = new Set<SensitiveId>(spans.map((s) => s.type));
  return { types: SENSITIVE_IDS.filter((id) => present.has(id)), spans };
}
