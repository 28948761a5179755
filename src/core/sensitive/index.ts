/**
 * Sensitive-data detector (issue 6): finds the phrases of a paragraph that show each sensitive
 * data type of ../shared/TAXONOMY.md and decides the paragraph's types. Pure and synchronous;
 * no browser APIs, no data files at run time.
 */
export { detectSensitive } from './detect';
export { LEXICON, type LexiconEntry } from './lexicon';
