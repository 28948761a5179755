/**
 * Auxiliary training targets from OPP-115's practice attributes (which data type, purpose,
 * choice type, third-party entity...): a network's hidden layer learns from them, and only
 * the category heads ship.
 */
import { segmentKey, type Example } from './data';
import { readSegments } from './span-sentences';
import { readJsonl, sharedDataPath } from '../lib/shared-data';

interface AttrSegment {
  text: string;
  pglue_split: string | string[] | null;
  policy: string;
  attributes: Record<string, Record<string, number>>;
}

export function auxTargets(
  bench: 'pglue' | 'by-policy',
  minCount = 20,
): { names: string[]; byKey: Map<string, Float32Array> } {
  const segs = (['train', 'validation', 'test'] as const).flatMap((s) =>
    readJsonl<AttrSegment>(sharedDataPath(`opp115/segments/${s}.jsonl`)).map((r) => ({ ...r, split: s })),
  );
  const train = segs.filter((s) => (bench === 'pglue' ? s.pglue_split === 'train' : s.split === 'train'));
  const counts = new Map<string, number>();
  for (const s of train)
    for (const [a, vals] of Object.entries(s.attributes))
      for (const [v, k] of Object.entries(vals))
        if (k >= 2) counts.set(`${a}=${v}`, (counts.get(`${a}=${v}`) ?? 0) + 1);
  const names = [...counts].filter(([, c]) => c >= minCount).map(([n]) => n).sort();
  const idx = new Map(names.map((n, i) => [n, i]));
  const sums = new Map<string, { t: Float32Array; n: number }>();
  for (const s of train) {
    const t = new Float32Array(names.length);
    for (const [a, vals] of Object.entries(s.attributes))
      for (const [v, k] of Object.entries(vals)) {
        const i = idx.get(`${a}=${v}`);
        if (i !== undefined) t[i] = Math.min(1, k / 3);
      }
    const key = segmentKey(s.text);
    const e = sums.get(key) ?? { t: new Float32Array(names.length), n: 0 };
    t.forEach((v, i) => (e.t[i] = (e.t[i] as number) + v));
    e.n++;
    sums.set(key, e);
  }
  return { names, byKey: new Map([...sums].map(([k, e]) => [k, e.t.map((v) => v / e.n)])) };
}

/** Targets of length heads + aux for each example: aux known only for whole OPP-115 segments. */
export function withAux(
  examples: Example[],
  aux: { names: string[]; byKey: Map<string, Float32Array> },
): Float32Array[] {
  const A = aux.names.length;
  return examples.map((ex) => {
    const main = ex.soft ?? Float32Array.from(ex.y);
    const out = new Float32Array(main.length + A).fill(-1);
    out.set(main);
    const t = ex.tuneable === true ? aux.byKey.get(segmentKey(ex.text)) : undefined;
    if (t) out.set(t, main.length);
    return out;
  });
}
void readSegments;
