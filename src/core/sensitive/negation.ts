/**
 * Clause-scoped negation. A mention is denied when its own clause denies it: "We do not collect
 * your IMEI, but we collect your location" denies the IMEI only. Clauses end at sentence ends,
 * semicolons and contrast words (but, however, whereas...), and before ", and we". Brackets do
 * not end a clause: "we do not receive your profile (e.g. your friends list)" denies the list too.
 *
 * Children follow the same rule (see data/sensitive/README.md): "We do not knowingly collect
 * personal information from children under 13" is a denial; "if we learn that we have collected
 * a child's data we will delete it", parental consent and age checks are not.
 */

export interface Clause {
  start: number;
  end: number;
  /** Offset of the first denial cue, or -1 when the clause denies nothing. */
  cue: number;
  /** True when the cue is a contraction of an auxiliary ("isn't", "won't"). */
  cueIsAux: boolean;
}

const BREAK =
  /(?<!\b(?:e\.g|i\.e|etc|inc|ltd|co|vs|no))\.(?=\s|$)|[;!?]|,?\s+(?:but|however|whereas|while|although|though|yet|instead|rather than|except that)\b|,\s*(?:which|who|where)\b|,?\s+and\s+(?=(?:we|they|it|this|you|our)\b)|,\s*(?=(?:it|they|we|this|these|you)\s+(?:is|are|was|were|will|may|can|would|do|does|has|have)\b)/gi;

const CUE =
  /\b(?:not|never|no|none|nothing|neither|nor|cannot|can['’]t|don['’]t|doesn['’]t|didn['’]t|won['’]t|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|shouldn['’]t|wouldn['’]t|haven['’]t|hasn['’]t)\b(?!\.)/i;

const AUX_CONTRACTION = /^(?:isn|aren|wasn|weren|won|can|hasn|haven|shouldn|wouldn)/i;

/** Phrases with a negative word that deny nothing about the data; masked before the cue search. */
const BENIGN =
  /\b(?:(?:including,? )?but not limited to|not limited to|whether or not|or not|not only|not just|if not|no matter|no longer than|no more than|no later than|not (?:to )?exceed|not necessarily|do not hesitate|(?:choose|chooses|opt|opts|decide|decides|prefer|elect|elects) not to|if you (?:do not|don['’]t|did not|refuse|decline)|(?:you )?(?:may|will|might) not be able to|you (?:cannot|can['’]t|can not)|not (?:required|obliged|obligated|mandatory) to (?:provide|give|submit|share|enter|upload)|(?:does|will|would|shall) not affect)\b/gi;

/** A denial followed by one of these is an exception, i.e. a conditional yes. */
const EXCEPTION =
  /\b(?:unless|except|other than|only (?:with|if|when|after)|without (?:(?:your|the|their|a|prior|explicit|express|verifiable|separate|written|first|obtaining|getting|parental|parent['’]s|guardian['’]s) )*(?:consent|permission|authori[sz]ation|approval))\b/i;

/** Verbs of a data practice: one between a mention and a later cue means the cue is about another act. */
const PRACTICE_VERB =
  /\b(?:collect|use|used|using|process|share|shared|stor|retain|obtain|receiv|access|read|record|upload|transmit|transfer|send|sent|disclos|sell|sold|analy[sz]|enter|entered|provid)/i;

const GAP_AUX =
  /\b(?:is|are|was|were|will|shall|would|should|can|could|may|might|must|has|have|had)(?:\s+(?:be|been|ever|also))?\s*$/i;

function mask(text: string): string {
  return text.replace(BENIGN, (m) => ' '.repeat(m.length));
}

/** Splits a paragraph into clauses and finds the denial cue of each. */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  // Most paragraphs deny nothing; skip the splitting then (no clause = nothing negated).
  if (!CUE.test(text)) return out;
  const masked = mask(text);
  let start = 0;
  const push = (end: number): void => {
    if (end <= start) return;
    const body = masked.slice(start, end);
    const m = CUE.exec(body);
    let cue = -1;
    let cueIsAux = false;
    if (m && !EXCEPTION.test(body.slice(m.index))) {
      cue = start + m.index;
      cueIsAux = AUX_CONTRACTION.test(m[0]);
    }
    out.push({ start, end, cue, cueIsAux });
  };
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    push(m.index);
    start = m.index + Math.max(m[0].length, 1);
    if (m[0].length === 0) BREAK.lastIndex += 1;
  }
  push(text.length);
  return out;
}

/**
 * True when the mention [start, end) is denied within its clause. With `wholeClause`, any denial
 * in the clause counts, wherever it stands.
 */
export function isNegated(
  text: string,
  all: readonly Clause[],
  start: number,
  end: number,
  wholeClause = false,
): boolean {
  const clause = all.find((c) => start >= c.start && start < c.end);
  if (!clause || clause.cue < 0) return false;
  if (clause.cue < start || wholeClause) return true;
  // The cue comes after the mention: only a passive denial ("your IMEI is not collected").
  const gap = text.slice(end, clause.cue);
  if (gap.length > 140 || PRACTICE_VERB.test(gap)) return false;
  return clause.cueIsAux || GAP_AUX.test(gap);
}
