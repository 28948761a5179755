/**
 * Sentence-level training examples from OPP-115's evidence spans (each of the three annotators
 * marked the text behind every practice they annotated).
 */
import { sentenceRanges } from '../../src/core/classifier/sentences';
import { readJsonl, sharedDataPath } from '../lib/shared-data';
import { segmentKey, type Example, type Split } from './data';
import { emptyTargets, H, headIndex, rawLabelHead } from './labels';
import { blendTargets } from './votes';

export interface AnnotatedSegment {
  policy: string;
  text: string;
  votes: Record<string, number>;
  labels12: string[];
  categories: string[];
  pglue_split: string | string[] | null;
  spans: {
    category: string;
    value: string;
    start: number;
    end: number;
    annotator: number;
  }[];
}

export function readSegments(): AnnotatedSegment[] {
  return (['train', 'validation', 'test'] as Split[]).flatMap((s) =>
    readJsonl<AnnotatedSegment>(sharedDataPath(`opp115/segments/${s}.jsonl`)),
  );
}

/**
 * Sentence-level examples from the annotators' evidence spans: a sentence is positive for a
 * head when at least two annotators placed a span of it there, negative when none did, unknown
 * otherwise. It teaches the model the phrases that carry a practice inside long segments.
 * `groupBy` matches the split's unit (Example.group): a sentence goes with its segment's fold.
 * With `votes` > 0 the training target blends in the share of annotators (votes.ts), and a
 * sentence only one annotator marked becomes a weak positive instead of unknown.
 */
export function spanSentences(
  segments: AnnotatedSegment[],
  weight: number,
  groupBy: 'segment' | 'policy',
  votes = 0,
): Example[] {
  const out: Example[] = [];
  for (const seg of segments) {
    const ranges = sentenceRanges(seg.text);
    if (ranges.length < 2) continue;
    for (const [a, b] of ranges) {
      const who = new Map<number, Set<string>>();
      for (const sp of seg.spans) {
        if (sp.end <= a || sp.start >= b) continue;
        const head = rawLabelHead(sp.category === 'Other' ? `Other: ${sp.value}` : sp.category);
        if (head === undefined) continue;
        const annotator = String(sp.annotator);
        for (const h of sp.category === 'Other' ? [head, 'other' as const] : [head]) {
          const k = headIndex(h);
          who.set(k, (who.get(k) ?? new Set<string>()).add(annotator));
        }
      }
      const y = emptyTargets(0);
      for (const [k, set] of who) y[k] = set.size >= 2 ? 1 : -1;
      let soft: Float32Array | undefined;
      if (votes > 0) {
        const share = new Float64Array(H);
        for (const [k, set] of who) share[k] = Math.min(1, set.size / 3);
        // A head one annotator marked counts as a hard 0 blended with its 1/3 share.
        soft = blendTargets(
          Float32Array.from(y, (t) => Math.max(t, 0)),
          share,
          votes,
        );
      }
      out.push({
        text: seg.text.slice(a, b).trim(),
        doc: seg.policy,
        y,
        ...(soft ? { soft } : {}),
        weight,
        group: groupBy === 'segment' ? segmentKey(seg.text) : seg.policy,
      });
    }
  }
  return out;
}
