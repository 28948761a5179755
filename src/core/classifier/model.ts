/**
 * The shipped classifier as data: a versioned JSON file written by `npm run train` and checked
 * here when it is loaded (issue 6; STYLE.md 11). Weights are int8, feature-major, one scale per
 * output head, so loading is a base64 decode and no per-weight work.
 */
import { CATEGORY_IDS, type CategoryId } from '../taxonomy';
import { base64ToBytes } from './base64';
import type { FeatureConfig } from './features';

export const MODEL_FORMAT = 'fineprint-paragraph-classifier';
export const MODEL_VERSION = 1;

/** OPP-115 splits `other` into three subtypes; PrivacyGLUE scores them, so the model has heads. */
export const OTHER_SUBTYPE_HEADS = [
  'other/introductory',
  'other/practice-not-covered',
  'other/contact',
] as const;
export type HeadId = CategoryId | (typeof OTHER_SUBTYPE_HEADS)[number];
export const HEAD_IDS: readonly HeadId[] = [...CATEGORY_IDS, ...OTHER_SUBTYPE_HEADS];

/** The JSON layout of src/model/classifier.json. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  heads: string[];
  features: FeatureConfig;
  /** int8 weights, index `bucket * heads.length + head`; real weight = q * scale[head]. */
  weights: { scale: number[]; data: string };
  bias: number[];
  /**
   * Per head, how far the score moves towards the best sentence's (classify.ts). Absent in
   * files that use one value for all heads: features.sentenceMix.
   */
  sentenceMix?: number[];
  /** Platt scaling per head: p = 1 / (1 + exp(-(a * logit + b))), fitted on validation. */
  calibration: { a: number[]; b: number[] };
  /**
   * Optional second stage (label co-occurrence): head h's final score is
   * sigmoid(a[h] * logit[h] + b[h] + sum_j w[h * heads + j] * p[j]), where p are the first-stage
   * calibrated scores of all heads (w[h * heads + h] = 0). Fitted on validation; thresholds then
   * apply to this score.
   */
  stack?: { a: number[]; b: number[]; w: number[] };
  /** Decision threshold per head on the calibrated score, chosen on validation. */
  thresholds: number[];
  /** Free-form provenance (corpora, seed, date); not used at run time. */
  meta?: Record<string, unknown>;
}

export interface Model {
  heads: readonly HeadId[];
  features: FeatureConfig;
  weights: Int8Array;
  scale: Float32Array;
  bias: Float32Array;
  sentenceMix: Float32Array;
  calA: Float32Array;
  calB: Float32Array;
  stack: { a: Float32Array; b: Float32Array; w: Float32Array } | null;
  thresholds: Float32Array;
}

function fail(reason: string): never {
  throw new Error(`Invalid classifier model: ${reason}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numbers(v: unknown, length: number, name: string): Float32Array {
  if (!Array.isArray(v) || v.length !== length) fail(`${name} must be an array of ${length}`);
  if (!v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    fail(`${name} must hold finite numbers`);
  }
  return Float32Array.from(v as number[]);
}

function checkFeatures(v: unknown): FeatureConfig {
  if (!isRecord(v)) fail('features missing');
  const { bits, charMin, charMax, charWeight, headingWeight, sentenceMix } = v;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 8 || bits > 24) {
    fail('features.bits must be an integer in 8..24');
  }
  for (const [k, x] of Object.entries({
    charMin,
    charMax,
    charWeight,
    headingWeight,
    sentenceMix,
  })) {
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(`features.${k} must be a number`);
  }
  for (const k of ['bigrams', 'stem', 'headingInline', 'headingShared'] as const) {
    if (typeof v[k] !== 'boolean') fail(`features.${k} must be a boolean`);
  }
  return v as unknown as FeatureConfig;
}

function checkHeads(v: unknown): HeadId[] {
  if (!Array.isArray(v) || !v.every((h) => (HEAD_IDS as readonly unknown[]).includes(h))) {
    fail(`heads must be a list of ${HEAD_IDS.join(', ')}`);
  }
  const heads = v as HeadId[];
  for (const id of CATEGORY_IDS) if (!heads.includes(id)) fail(`head ${id} missing`);
  return heads;
}

/** Checks the shape and version of a parsed model file and prepares it for `classify`. */
export function loadModel(data: unknown): Model {
  if (!isRecord(data)) fail('not an object');
  if (data.format !== MODEL_FORMAT) fail(`format must be "${MODEL_FORMAT}"`);
  if (data.version !== MODEL_VERSION) fail(`version ${String(data.version)} not supported`);
  const heads = checkHeads(data.heads);
  const features = checkFeatures(data.features);
  const n = heads.length;
  const buckets = 2 ** features.bits;
  const w = data.weights;
  if (!isRecord(w) || typeof w.data !== 'string') fail('weights.data must be base64');
  const bytes = base64ToBytes(w.data);
  if (bytes.length !== buckets * n) fail(`weights hold ${bytes.length} values, not ${buckets * n}`);
  const cal = data.calibration;
  if (!isRecord(cal)) fail('calibration missing');
  const st = data.stack;
  if (st !== undefined && !isRecord(st)) fail('stack must be an object');
  return {
    heads,
    features,
    weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    scale: numbers(w.scale, n, 'weights.scale'),
    bias: numbers(data.bias, n, 'bias'),
    sentenceMix:
      data.sentenceMix === undefined
        ? new Float32Array(n).fill(features.sentenceMix)
        : numbers(data.sentenceMix, n, 'sentenceMix'),
    calA: numbers(cal.a, n, 'calibration.a'),
    calB: numbers(cal.b, n, 'calibration.b'),
    stack: st
      ? {
          a: numbers(st.a, n, 'stack.a'),
          b: numbers(st.b, n, 'stack.b'),
          w: numbers(st.w, n * n, 'stack.w'),
        }
      : null,
    thresholds: numbers(data.thresholds, n, 'thresholds'),
  };
}
