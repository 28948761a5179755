/**
 * Small composable runtime type guards for messages between extension contexts. A content script
 * runs next to hostile pages and may be compromised, so everything it sends is checked field by
 * field, with every string and array bounded and a shared budget for the whole message, before
 * the background touches it. No dependency: the guards are a few lines each.
 */

/** What is left to spend on one message; every string and array draws from it. */
export interface Budget {
  chars: number;
  items: number;
}

/** A guard checks a value and charges what it reads to the budget. */
export type Guard<T> = (value: unknown, budget: Budget) => value is T;

/**
 * Whole-message budget. A long policy is ~100k characters and the largest real ones a few
 * hundred thousand; 4M characters (8 MB) leaves ample room while staying far below the
 * browsers' 64 MB message limit.
 */
export const MESSAGE_MAX_CHARS = 4_000_000;
export const MESSAGE_MAX_ITEMS = 200_000;
/** Default caps per field. */
export const MAX_STRING = 2048;
export const MAX_ARRAY = 5000;

/** Own keys that could reach Object.prototype when a receiver copies or merges the object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function newBudget(): Budget {
  return { chars: MESSAGE_MAX_CHARS, items: MESSAGE_MAX_ITEMS };
}

/** Runs a guard with a fresh budget. */
export function check<T>(guard: Guard<T>, value: unknown): value is T {
  return guard(value, newBudget());
}

export function str(max = MAX_STRING): Guard<string> {
  return (v, b): v is string => {
    if (typeof v !== 'string' || v.length > max) return false;
    b.chars -= v.length;
    return b.chars >= 0;
  };
}

export function num(min = -Infinity, max = Infinity, integer = false): Guard<number> {
  return (v, _b): v is number =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    v >= min &&
    v <= max &&
    (!integer || Number.isInteger(v));
}

export const bool: Guard<boolean> = (v, _b): v is boolean => typeof v === 'boolean';

export function literal<T extends string | number>(values: readonly T[]): Guard<T> {
  return (v, _b): v is T => (values as readonly unknown[]).includes(v);
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (v, b): v is T | undefined => v === undefined || guard(v, b);
}

export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (v, b): v is T | null => v === null || guard(v, b);
}

export function arr<T>(item: Guard<T>, max = MAX_ARRAY): Guard<T[]> {
  return (v, b): v is T[] => {
    if (!Array.isArray(v) || v.length > max) return false;
    b.items -= v.length;
    if (b.items < 0) return false;
    for (let i = 0; i < v.length; i++) if (!item(v[i], b)) return false;
    return true;
  };
}

/** A plain data object: what structured cloning or JSON produces, not a class instance. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function hasOnlyKeys(v: Record<string, unknown>, allowed: ReadonlySet<string>, b: Budget): boolean {
  const keys = Object.getOwnPropertyNames(v);
  b.items -= keys.length;
  if (b.items < 0 || Object.getOwnPropertySymbols(v).length > 0) return false;
  return keys.every((k) => allowed.has(k) && !FORBIDDEN_KEYS.has(k));
}

/**
 * A plain object with exactly the fields of `shape` (optional ones may be missing) and no others:
 * unknown keys are rejected so a sender cannot smuggle data past the checks.
 */
export function obj<T>(shape: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> {
  const entries = Object.entries(shape) as [string, Guard<unknown>][];
  const allowed = new Set(entries.map(([k]) => k));
  return (v, b): v is T => {
    if (!isPlainObject(v) || !hasOnlyKeys(v, allowed, b)) return false;
    return entries.every(([k, guard]) =>
      guard(Object.prototype.hasOwnProperty.call(v, k) ? v[k] : undefined, b),
    );
  };
}

/** An object with exactly one entry per key in `keys`. */
export function record<K extends string, T>(
  keys: readonly K[],
  value: Guard<T>,
): Guard<Record<K, T>> {
  const allowed = new Set<string>(keys);
  return (v, b): v is Record<K, T> => {
    if (!isPlainObject(v) || !hasOnlyKeys(v, allowed, b)) return false;
    return keys.every((k) => Object.prototype.hasOwnProperty.call(v, k) && value(v[k], b));
  };
}

/** An object with at most one entry per key in `keys` (each present one checked). */
export function partialRecord<K extends string, T>(
  keys: readonly K[],
  value: Guard<T>,
): Guard<Partial<Record<K, T>>> {
  const allowed = new Set<string>(keys);
  return (v, b): v is Partial<Record<K, T>> => {
    if (!isPlainObject(v) || !hasOnlyKeys(v, allowed, b)) return false;
    return Object.keys(v).every((k) => value(v[k], b));
  };
}

/** Adds a cross-field condition to a guard (e.g. a span's end is not before its start). */
export function refine<T>(guard: Guard<T>, condition: (value: T) => boolean): Guard<T> {
  return (v, b): v is T => guard(v, b) && condition(v);
}

/** Either guard; the budget charged by a failed first attempt stays spent, which is harmless. */
export function either<A, B>(a: Guard<A>, b: Guard<B>): Guard<A | B> {
  return (v, budget): v is A | B => a(v, budget) || b(v, budget);
}
