/**
 * Soft training targets from OPP-115's annotator votes. PrivacyGLUE's majority labels keep a
 * label when two of three annotators gave it; a label only one gave is a plain negative there,
 * a label two gave as sure as one all three gave. Blending in the vote share (1/3, 2/3, 3/3)
 * tells the model which segments are borderline. Tuning and evaluation keep the hard labels.
 */
import { segmentKey, type Example } from './data';
import { H, headIndex, rawLabelHead } from './labels';
import type { AnnotatedSegment } from './span-sentences';

/** Share of the three annotators who gave each head, per segmentKey (averaged over copies). */
function voteShares(segments: AnnotatedSegment[]): Map<string, Float32Array> {
  const sums = new Map<string, { share: Float32Array; n: number }>();
  for (const seg of segments) {
    const share = new Float32Array(H);
    for (const [key, votes] of Object.entries(seg.votes)) {
      const head = rawLabelHead(key);
      if (head !== undefined) share[headIndex(head)] = Math.min(1, votes / 3);
    }
    const k = segmentKey(seg.text);
    const s = sums.get(k) ?? { share: new Float32Array(H), n: 0 };
    share.forEach((v, h) => (s.share[h] = (s.share[h] as number) + v));
    s.n++;
    sums.set(k, s);
  }
  return new Map([...sums].map(([k, s]) => [k, s.share.map((v) => v / s.n)]));
}

/** (1 - blend) * hard + blend * share per head; an unknown hard target (-1) stays unknown. */
export function blendTargets(
  hard: ArrayLike<number>,
  share: ArrayLike<number>,
  blend: number,
): Float32Array {
  return Float32Array.from({ length: hard.length }, (_, h) => {
    const t = hard[h] as number;
    return t < 0 ? -1 : (1 - blend) * t + blend * (share[h] as number);
  });
}

/**
 * Sets `soft` on each whole OPP-115 segment (`tuneable`) that `segments` has votes for (see
 * blendTargets). Examples without a matching segment (or blend 0) train on their hard labels.
 */
export function withVoteTargets(
  examples: Example[],
  segments: AnnotatedSegment[],
  blend: number,
): Example[] {
  if (blend <= 0) return examples;
  const shares = voteShares(segments);
  return examples.map((ex) => {
    const share = ex.tuneable === true ? shares.get(segmentKey(ex.text)) : undefined;
    return share ? { ...ex, soft: blendTargets(ex.y, share, blend) } : ex;
  });
}
