/**
 * Change tracking (issue 4): a fingerprint of a policy is the list of its paragraph hashes and
 * labels, small enough to keep per site in extension storage without storing the policy itself
 * (full text only when the user opts in). Two fingerprints are compared with a Myers diff over
 * the hash sequences to tell which paragraphs were added, removed or changed.
 */
import type { CategoryId, SensitiveId } from './taxonomy';

export const FINGERPRINT_VERSION = 1;
/**
 * How the page was cut into paragraphs. Fingerprints made under another cut cannot be diffed
 * (2: a data table row became one paragraph instead of one per cell; 3: a definition term and its
 * description became one, and collapsed sections, plain-text documents and paragraphs of a
 * `<pre>` are read); stored ones without the field are version 1.
 */
export const SEGMENTATION_VERSION = 3;

export interface FingerprintParagraph {
  /** `hashText` of the paragraph text. */
  hash: string;
  categories: CategoryId[];
  sensitive: SensitiveId[];
  /** Present only when the user opted in to storing full text. */
  text?: string | undefined;
}

export interface PolicyFingerprint {
  version: typeof FINGERPRINT_VERSION;
  /** SEGMENTATION_VERSION when it was made; absent on fingerprints stored before there was one (1). */
  segmentation?: number;
  /** ISO 8601 timestamp of the analysis that produced this fingerprint. */
  analysedAt: string;
  paragraphs: FingerprintParagraph[];
}

export interface FingerprintInput {
  id: string;
  text: string;
  categories: readonly CategoryId[];
  sensitive: readonly SensitiveId[];
}

export interface RemovedParagraph {
  categories: CategoryId[];
  sensitive: SensitiveId[];
  text?: string | undefined;
}

export interface PolicyDiff {
  changed: boolean;
  /** `analysedAt` of the previous fingerprint: "changed since <since>". */
  since: string;
  /** Indices into the current paragraphs that were inserted. */
  added: number[];
  /** Previous paragraphs that were deleted without a replacement. */
  removed: RemovedParagraph[];
  /** Indices into the current paragraphs that replaced a previous paragraph at the same place. */
  modified: number[];
}

/**
 * cyrb53 by bryc (public domain, https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js):
 * a fast, well-mixed 53-bit string hash built on Math.imul. 53 bits fit exactly in a JS number,
 * so collisions among a policy's ~2000 paragraphs are vanishingly unlikely (~2^-32), and it needs
 * no async crypto API, so it runs in any context. It is not a cryptographic hash and need not be.
 */
export function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Normalises text so that re-flowed whitespace, case, Unicode compatibility forms (NBSP, ligatures)
 * and curly versus straight quotes do not count as a change; wording changes still do.
 */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‛]/g, "'")
    .replace(/[“”‟]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** 14 hex digits (53 bits), fixed width so stored hashes sort and compare as plain strings. */
export function hashText(text: string): string {
  return cyrb53(normaliseForHash(text)).toString(16).padStart(14, '0');
}

export function fingerprintPolicy(
  paragraphs: readonly FingerprintInput[],
  analysedAt: string,
  options: { storeFullText?: boolean } = {},
): PolicyFingerprint {
  return {
    version: FINGERPRINT_VERSION,
    segmentation: SEGMENTATION_VERSION,
    analysedAt,
    paragraphs: paragraphs.map((p) => ({
      hash: hashText(p.text),
      categories: [...p.categories],
      sensitive: [...p.sensitive],
      ...(options.storeFullText ? { text: p.text } : {}),
    })),
  };
}

/** True when two fingerprints cut their pages into paragraphs the same way, so a diff means something. */
export function sameSegmentation(a: PolicyFingerprint, b: PolicyFingerprint): boolean {
  return (a.segmentation ?? 1) === (b.segmentation ?? 1);
}

/** Above this many paragraphs on either side the diff falls back to a set difference. */
export const MAX_DIFF_PARAGRAPHS = 5000;
/**
 * Myers' trace takes O(D²) memory for D edits; beyond this many edits the policy was rewritten
 * and a set difference says as much as an alignment would.
 */
export const MAX_EDIT_DISTANCE = 1000;

/**
 * Myers' O(ND) diff (E. Myers, "An O(ND) Difference Algorithm and Its Variations", 1986).
 * Returns the matched index pairs of a shortest edit script, in order, or null when more than
 * `maxD` edits are needed. The V array of each round is saved only over its live range [-d, d],
 * which keeps the trace at O(D²) rather than O(D·(N+M)).
 */
export function myersMatches(
  a: readonly string[],
  b: readonly string[],
  maxD = MAX_EDIT_DISTANCE,
): Array<[number, number]> | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, maxD); d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!);
      let x = down ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return null;
}

function backtrack(
  trace: Int32Array[],
  dEnd: number,
  n: number,
  m: number,
): Array<[number, number]> {
  const matches: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const snap = trace[d]!;
    const at = (k: number): number => snap[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    // The snake after the edit starts one step past (prevX, prevY).
    const startX = prevK === k + 1 ? prevX : prevX + 1;
    const startY = startX - k;
    while (x > startX && y > startY) {
      x--;
      y--;
      matches.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    matches.push([x, y]);
  }
  return matches.reverse();
}

/** Multiset difference: used when the policies are too large or too different to align. */
function setDifference(prev: readonly string[], curr: readonly string[]) {
  const counts = new Map<string, number>();
  for (const h of prev) counts.set(h, (counts.get(h) ?? 0) + 1);
  const added: number[] = [];
  curr.forEach((h, i) => {
    const c = counts.get(h) ?? 0;
    if (c > 0) counts.set(h, c - 1);
    else added.push(i);
  });
  const removed: number[] = [];
  for (let i = prev.length - 1; i >= 0; i--) {
    const h = prev[i]!;
    const c = counts.get(h) ?? 0;
    if (c > 0) {
      removed.push(i);
      counts.set(h, c - 1);
    }
  }
  return { added, removed: removed.reverse(), modified: [] as number[] };
}

/**
 * Turns matched pairs into hunks. In each gap between matches, the first min(deleted, inserted)
 * insertions are "modified" (they replace a paragraph at the same place), the rest "added", and
 * leftover deletions "removed".
 */
function hunks(matches: Array<[number, number]>, n: number, m: number) {
  const added: number[] = [];
  const removed: number[] = [];
  const modified: number[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [n, m] as [number, number]]) {
    const dels = mi - i;
    const ins = mj - j;
    const paired = Math.min(dels, ins);
    for (let t = 0; t < ins; t++) (t < paired ? modified : added).push(j + t);
    for (let t = paired; t < dels; t++) removed.push(i + t);
    i = mi + 1;
    j = mj + 1;
  }
  return { added, removed, modified };
}

export function diffPolicies(previous: PolicyFingerprint, current: PolicyFingerprint): PolicyDiff {
  const a = previous.paragraphs.map((p) => p.hash);
  const b = current.paragraphs.map((p) => p.hash);
  const tooBig = a.length > MAX_DIFF_PARAGRAPHS || b.length > MAX_DIFF_PARAGRAPHS;
  const matches = tooBig ? null : myersMatches(a, b);
  const result = matches ? hunks(matches, a.length, b.length) : setDifference(a, b);
  const removed = result.removed.map((i) => {
    const p = previous.paragraphs[i]!;
    return {
      categories: [...p.categories],
      sensitive: [...p.sensitive],
      ...(p.text !== undefined ? { text: p.text } : {}),
    };
  });
  return {
    changed: result.added.length + removed.length + result.modified.length > 0,
    since: previous.analysedAt,
    added: result.added,
    removed,
    modified: result.modified,
  };
}
