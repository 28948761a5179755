/**
 * Word counting and tokenising shared by page detection and segmentation. Han, kana and Hangul
 * are written without spaces between words, so each of their characters counts as one word;
 * otherwise a Chinese paragraph would count as a single "word" and be dropped as too short.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD_G = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** True when the string contains any Han, kana or Hangul character. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}


/** Words in `text`: runs of letters/digits, plus one per CJK character. */
export function countWords(text: string): number {
  // Fast path for text without CJK: one regex pass, no per-word work (this runs per paragraph).
  if (!CJK.test(text)) return text.match(WORD_G)?.length ?? 0;
  let count = 0;
  for (const match of text.matchAll(WORD_G)) {
    const cjk = match[0].match(CJK_G);
    // A run such as "个人信息" counts its characters; a mixed run like "App隐私" counts both.
    count += cjk ? cjk.length + (match[0].length > cjk.length ? 1 : 0) : 1;
  }
  return count;
}

/** Lower-cased word tokens (letters/digits, apostrophes kept inside words), CJK runs included. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD_G) ?? [];
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  // Only runs of two or more and single non-space characters are replaced: single spaces, the
  // vast majority, do not match, which makes this several times faster on long text.
  return text.replace(/[\s\u200b]{2,}|[^\S ]|\u200b/g, ' ').trim();
}
