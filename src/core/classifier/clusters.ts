/**
 * Word clusters: each (stemmed) word of the training-side vocabulary mapped to a cluster id at
 * one or more granularities, learnt without labels from policy text (scripts/train/clusters.ts).
 * Words that are used alike ("disclose", "share", "transfer"; "imei", "android", "oaid") share a
 * cluster, so a feature learnt for one reaches the others (features.ts, cluster block).
 */
import { base64ToBytes } from './base64';

/** Stemmed word → cluster id per level (coarse first). */
export type WordClusters = ReadonlyMap<string, Uint16Array>;

/** The JSON form in the model file: words and their ids, levels × uint16 per word, base64. */
export interface ClusterFile {
  levels: number;
  words: string;
  ids: string;
}

function fail(reason: string): never {
  throw new Error(`Invalid classifier model: clusters ${reason}`);
}

export function decodeClusters(file: unknown): WordClusters {
  if (typeof file !== 'object' || file === null) fail('must be an object');
  const { levels, words, ids } = file as Record<string, unknown>;
  if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 1 || levels > 4) {
    fail('levels must be an integer in 1..4');
  }
  if (typeof words !== 'string' || typeof ids !== 'string') fail('words and ids must be strings');
  const list = words === '' ? [] : words.split(' ');
  const bytes = base64ToBytes(ids);
  if (bytes.length !== list.length * levels * 2) fail('ids do not match the word list');
  const all = new Uint16Array(list.length * levels);
  for (let i = 0; i < all.length; i++) all[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  const map = new Map<string, Uint16Array>();
  list.forEach((w, i) => map.set(w, all.subarray(i * levels, (i + 1) * levels)));
  return map;
}

/** The file form of a cluster map (words in the map's order; little-endian ids). */
export function encodeClusters(clusters: WordClusters, levels: number): ClusterFile {
  const words = [...clusters.keys()];
  if (words.some((w) => w === '' || /\s/.test(w))) fail('words must be non-empty without spaces');
  const bytes = new Uint8Array(words.length * levels * 2);
  words.forEach((w, i) => {
    const ids = clusters.get(w)!;
    for (let l = 0; l < levels; l++) {
      const id = ids[l]!;
      bytes[2 * (i * levels + l)] = id & 0xff;
      bytes[2 * (i * levels + l) + 1] = id >>> 8;
    }
  });
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { levels, words: words.join(' '), ids: btoa(bin) };
}
