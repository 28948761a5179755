/**
 * The characters a lexicon fragment can start with, worked out from its source. compile.ts uses
 * them to split the lexicon into one small regex per first character: trying ~230 alternatives at
 * every word start was the detector's main cost. Handles the subset of regex syntax the lexicon
 * uses; anything else returns null, which files the fragment under every character (still correct,
 * only slower).
 */

interface Parsed {
  first: Set<string>;
  nullable: boolean;
  end: number;
}

class Unsupported extends Error {}

const DIGITS = '0123456789';
/** Marks "any character" inside a first set. */
const ANY = '\u0000any';

function addChar(set: Set<string>, ch: string): void {
  set.add(ch.toLowerCase());
  if (ch === "'") set.add('\u2019');
}

function parseClass(src: string, i: number): { chars: Set<string>; end: number } {
  // src[i] === '['
  const chars = new Set<string>();
  let j = i + 1;
  if (src[j] === '^') throw new Unsupported('negated class');
  while (j < src.length && src[j] !== ']') {
    const ch = src[j]!;
    if (ch === '\\') {
      const next = src[j + 1];
      if (next === 'd') for (const d of DIGITS) chars.add(d);
      else if (next === 's') chars.add(' ');
      else if (next === 'u') {
        chars.add(String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16)));
        j += 6;
        continue;
      } else if (next !== undefined) chars.add(next);
      j += 2;
      continue;
    }
    if (src[j + 1] === '-' && src[j + 2] !== ']' && src[j + 2] !== undefined) {
      const to = src[j + 2]!;
      for (let c = ch.charCodeAt(0); c <= to.charCodeAt(0); c += 1)
        addChar(chars, String.fromCharCode(c));
      j += 3;
      continue;
    }
    addChar(chars, ch);
    j += 1;
  }
  return { chars, end: j + 1 };
}

function parseAlt(src: string, i: number): Parsed {
  const first = new Set<string>();
  let nullable = false;
  let j = i;
  for (;;) {
    const seq = parseSeq(src, j);
    for (const c of seq.first) first.add(c);
    nullable ||= seq.nullable;
    j = seq.end;
    if (src[j] === '|') j += 1;
    else return { first, nullable, end: j };
  }
}

function parseSeq(src: string, i: number): Parsed {
  const first = new Set<string>();
  let nullable = true;
  let j = i;
  while (j < src.length && src[j] !== '|' && src[j] !== ')') {
    let atom: Parsed;
    const ch = src[j]!;
    if (src.startsWith('(?:', j)) {
      const inner = parseAlt(src, j + 3);
      atom = { ...inner, end: inner.end + 1 };
    } else if (src.startsWith('(?=', j) || src.startsWith('(?!', j) || src.startsWith('(?<', j)) {
      const inner = parseAlt(src, j + (src[j + 2] === '<' ? 4 : 3));
      atom = { first: new Set(), nullable: true, end: inner.end + 1 };
    } else if (ch === '(') {
      throw new Unsupported('capturing group');
    } else if (ch === '[') {
      const cls = parseClass(src, j);
      atom = { first: cls.chars, nullable: false, end: cls.end };
    } else if (ch === '\\') {
      const next = src[j + 1];
      const set = new Set<string>();
      if (next === 'd') for (const d of DIGITS) set.add(d);
      else if (next === 's') set.add(' ');
      else if (next === 'b' || next === 'B') {
        atom = { first: set, nullable: true, end: j + 2 };
        j = atom.end;
        continue;
      } else if (next === 'w' || next === 'W' || next === 'S' || next === 'D') set.add(ANY);
      else if (next !== undefined) set.add(next);
      atom = { first: set, nullable: false, end: j + 2 };
    } else if (ch === '.') {
      atom = { first: new Set([ANY]), nullable: false, end: j + 1 };
    } else if (ch === '^' || ch === '$') {
      throw new Unsupported(ch);
    } else {
      const set = new Set<string>();
      addChar(set, ch);
      atom = { first: set, nullable: false, end: j + 1 };
    }
    j = atom.end;
    // Quantifiers.
    let atomNullable = atom.nullable;
    const q = src[j];
    if (q === '?' || q === '*') {
      atomNullable = true;
      j += 1;
    } else if (q === '+') {
      j += 1;
    } else if (q === '{') {
      const close = src.indexOf('}', j);
      if (close < 0) throw new Unsupported('{');
      if (/^\{0[,}]/.test(src.slice(j, close + 1))) atomNullable = true;
      j = close + 1;
    }
    if (src[j] === '?') j += 1; // Lazy marker.
    if (nullable) for (const c of atom.first) first.add(c);
    nullable &&= atomNullable;
  }
  return { first, nullable, end: j };
}

/** Lower-case characters a match of `fragment` can begin with, or null if unknown. */
export function firstChars(fragment: string): Set<string> | null {
  try {
    const parsed = parseAlt(fragment, 0);
    if (parsed.end !== fragment.length || parsed.nullable || parsed.first.has(ANY)) return null;
    return parsed.first;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
