/**
 * Word counting and tokenising shared by page detection and segmentation. Han, kana and Hangul
 * are written without spaces between words, so each of their characters counts as one word;
 * otherwise a Chinese paragraph would count as a single "word" and be dropped as too short.
 *
 * The expressions use explicit character ranges rather than Unicode property escapes
 * (`\p{L}`, `\p{Script=Han}`): those compile to large tables, which cost about a millisecond when
 * the content script first runs on a page.
 */

/** Kana, CJK ideographs (with extension A and compatibility forms) and Hangul syllables. */
const CJK_RANGES = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
const CJK = new RegExp(`[${CJK_RANGES}]`);
const CJK_G = new RegExp(`[${CJK_RANGES}]`, 'g');
/** Characters that separate words: whitespace, ASCII and common CJK punctuation, symbols. */
const SEPARATORS =
  '\\s!-&(-/:-@[-^_`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u2018\\u201a-\\u206f\\u2190-\\u2bff\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65';
/** A word: a run of anything but separators (apostrophes stay inside, as in "don't", "d'accès"). */
const WORD_G = new RegExp(`[^${SEPARATORS}]+`, 'g');

/** True when the string contains any Han, kana or Hangul character. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Words in `text`: runs between separators, plus one per CJK character. */
export function countWords(text: string): number {
  const words = text.match(WORD_G);
  if (!words) return 0;
  if (!CJK.test(text)) return words.length;
  let count = 0;
  for (const word of words) {
    const cjk = word.match(CJK_G);
    // A run such as "个人信息" counts its characters; a mixed run like "App隐私" counts both.
    count += cjk ? cjk.length + (word.length > cjk.length ? 1 : 0) : 1;
  }
  return count;
}

/**
 * Words in `text`, counting no further than `limit`: enough to decide "at least three words" or
 * "at most twelve" for every paragraph of a page without scanning all of its text.
 */
export function countWordsUpTo(text: string, limit: number): number {
  if (CJK.test(text)) return Math.min(limit, countWords(text));
  WORD_G.lastIndex = 0;
  let count = 0;
  while (count < limit && WORD_G.exec(text) !== null) count++;
  WORD_G.lastIndex = 0;
  return count;
}

/** Lower-cased word tokens (runs between separators; CJK runs are kept whole; ’ read as '). */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/\u2019/g, "'")
      .match(WORD_G) ?? []
  );
}

/** Collapses runs of whitespace (including non-breaking and zero-width spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  // Only runs of two or more and single non-space characters are replaced: single spaces, the
  // vast majority, do not match, which makes this several times faster on long text.
  return text.replace(/[\s\u200b]{2,}|[^\S ]|\u200b/g, ' ').trim();
}
