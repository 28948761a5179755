/**
 * Sentence-level training examples from OPP-115's evidence spans (each of the three annotators
 * marked the text behind every practice they annotated).
 */
import { sentenceRanges } from '../../src/core/classifier/sentences';
import { readJsonl, sharedDataPath } from '../lib/shared-data';
import { segmentKey, type Example, type Split } from './data';
import { emptyTargets, headIndex, rawLabelHead } from './labels';

interface AnnotatedSegment {
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
      const soft = votes > 0 ? Float32Array.from(y, (t) => (t < 0 ? 0 : t)) : undefined;
      if (soft) {
        for (const [k, set] of who) {
          const share = Math.min(1, set.size / 3);
          soft[k] = (1 - votes) * (soft[k] as number) + votes * share;
        }
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
