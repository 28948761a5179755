/**
 * The hand-off between the two content scripts of a page, kept on the isolated world's global
 * (invisible to the page). The small detector runs on every page; the annotator is injected by the
 * background only when the detector finds a policy or the user asks, and takes over from it.
 */
import type { DetectionSummary } from '../core/messages';

export interface Handoff {
  detection: DetectionSummary;
  detectMs: number;
  /** The user asked for analysis although detection said no. */
  forced: boolean;
  /** Set by the annotator once it runs; the detector then stops answering and watching. */
  annotatorLoaded: boolean;
  /** Stops the detector's own watching of the page. */
  stopDetector(): void;
}

const KEY = Symbol.for('fineprint.handoff');

type Scope = typeof globalThis & { [KEY]?: Handoff };

export function readHandoff(): Handoff | undefined {
  return (globalThis as Scope)[KEY];
}

export function writeHandoff(handoff: Handoff): void {
  (globalThis as Scope)[KEY] = handoff;
}
