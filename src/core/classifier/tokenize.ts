/**
 * Text normalisation and word tokens for the paragraph classifier. Pure functions, no browser
 * APIs, so the extension and the Node scripts tokenise identically (issue 6).
 */

const WORD = /[\p{L}\p{N}]+(?:'\p{L}+)?/gu;

/**
 * Lower-cases, folds compatibility forms (full-width letters in translated policies) and maps
 * URLs, e-mail addresses and long numbers to placeholder words: their exact values never
 * generalise, but their presence does (contact paragraphs, retention periods).
 */
export function normalize(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  // Cheap checks first: most paragraphs hold no address, link or long number.
  if (t.includes('@')) t = t.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' zzemail ');
  if (t.includes('http') || t.includes('www.'))
    t = t.replace(/\b(?:https?:\/\/|www\.)\S+/g, ' zzurl ');
  return t.replace(/\d{3,}/g, ' zznum ');
}

/** A tiny suffix stripper: collapses collect/collects/collected/collecting onto one stem. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Word tokens of an already normalised text, apostrophes folded. */
export function words(normalized: string): string[] {
  // One native match over the whole text: far cheaper than a match object per word.
  const t = normalized.includes('’') ? normalized.replace(/’/g, "'") : normalized;
  return t.match(WORD) ?? [];
}
