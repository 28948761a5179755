/** FNV-1a over UTF-16 code units: fast, dependency-free and identical in every JS engine. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Seeds that keep the feature families apart in the shared hash space. */
export const NAMESPACE = {
  word: 0x811c9dc5,
  bigram: 0x2b9c1d37,
  char: 0x5bd1e995,
  heading: 0x1b873593,
} as const;
