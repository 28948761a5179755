/**
 * Is this text English? The classifier and the sensitive-data lexicon read English, so for a
 * policy in another language the popup says the results may be incomplete instead of implying the
 * policy says little. A stop-word share is enough: policies are long and full of function words.
 */

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in we you your is are for or that with by this on as be may our not it from at'.split(
    ' ',
  ),
);

/** Share of word tokens that are common English function words, over at most `maxWords` words. */
export function englishShare(texts: readonly string[], maxWords = 3000): number {
  let words = 0;
  let english = 0;
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
      words++;
      if (ENGLISH_FUNCTION_WORDS.has(word)) english++;
      if (words >= maxWords) return english / words;
    }
  }
  return words === 0 ? 0 : english / words;
}

/** English prose runs at 25–40 % function words; other languages (and CJK, with few tokens) far lower. */
export function looksEnglish(texts: readonly string[]): boolean {
  return englishShare(texts) >= 0.12;
}
