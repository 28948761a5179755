/**
 * Per-site history of policy fingerprints (issue 4, change tracking). Kept small on purpose:
 * a bounded number of fingerprints per policy and a bounded number of policies (least recently
 * seen dropped first), so extension storage never grows without limit. Pure functions: the caller
 * loads the history from storage, passes it in and saves what comes back.
 */
import type { PolicyDiff, PolicyFingerprint } from './fingerprint';
import { FINGERPRINT_VERSION, diffPolicies, sameSegmentation } from './fingerprint';
import { isCategoryId, isSensitiveId } from './taxonomy';

export const HISTORY_VERSION = 1;
export const DEFAULT_MAX_ENTRIES_PER_SITE = 5;
export const DEFAULT_MAX_POLICIES = 200;

export interface HistoryEntry {
  /** `historyKey` of the policy URL: host + path. */
  key: string;
  /** ISO timestamp of the last analysis of this policy. */
  lastSeenAt: string;
  /** Distinct versions of the policy, oldest first; the last is the version seen most recently. */
  fingerprints: PolicyFingerprint[];
}

export interface SiteHistory {
  version: typeof HISTORY_VERSION;
  /** Most recently seen first. */
  entries: HistoryEntry[];
}

export function emptyHistory(): SiteHistory {
  return { version: HISTORY_VERSION, entries: [] };
}

/**
 * Key for a policy: lower-case host plus path without a trailing slash. Query and fragment are
 * dropped because they mostly carry tracking or anchors, not a different policy. Null for URLs
 * that are not http(s) or do not parse.
 */
export function historyKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.hostname.toLowerCase()}${path}`;
}

export function latestFingerprint(history: SiteHistory, key: string): PolicyFingerprint | null {
  const entry = history.entries.find((e) => e.key === key);
  return entry?.fingerprints[entry.fingerprints.length - 1] ?? null;
}

function sameText(a: PolicyFingerprint, b: PolicyFingerprint): boolean {
  return (
    a.paragraphs.length === b.paragraphs.length &&
    a.paragraphs.every((p, i) => p.hash === b.paragraphs[i]?.hash)
  );
}

/**
 * Cap on paragraphs stored across the whole history. A stored paragraph is ~60 bytes of JSON
 * (hash plus label ids), so 40,000 keep the history near 2.5 MB, well inside the 10 MB of
 * storage.local, however long the policies are.
 */
export const DEFAULT_MAX_STORED_PARAGRAPHS = 40_000;

export interface HistoryLimits {
  maxEntriesPerSite?: number;
  maxPolicies?: number;
  maxStoredParagraphs?: number;
}

const paragraphsIn = (e: HistoryEntry): number =>
  e.fingerprints.reduce((n, f) => n + f.paragraphs.length, 0);

/**
 * Trims to the paragraph budget: older versions of the least recently seen policies go first,
 * then whole policies; the most recent policy always keeps its latest version.
 */
function trimToBudget(entries: HistoryEntry[], budget: number): HistoryEntry[] {
  const out = entries.map((e) => ({ ...e, fingerprints: [...e.fingerprints] }));
  let total = out.reduce((n, e) => n + paragraphsIn(e), 0);
  for (let i = out.length - 1; i >= 0 && total > budget; i--) {
    const entry = out[i]!;
    while (entry.fingerprints.length > 1 && total > budget) {
      total -= entry.fingerprints.shift()!.paragraphs.length;
    }
    if (i > 0 && total > budget) {
      total -= paragraphsIn(entry);
      out.splice(i, 1);
    }
  }
  return out;
}

/**
 * Records a fingerprint and returns a new history (the input is not changed). An unchanged policy
 * replaces its latest fingerprint, so the next diff is "since your last visit"; a changed one is
 * appended, keeping the newest `maxEntriesPerSite` versions. The policy moves to the front, and
 * policies beyond `maxPolicies` are dropped from the back (least recently seen), and then the
 * whole history is trimmed to `maxStoredParagraphs`.
 */
export function mergeHistory(
  history: SiteHistory,
  key: string,
  fingerprint: PolicyFingerprint,
  limits: HistoryLimits = {},
): SiteHistory {
  const maxEntries = Math.max(1, limits.maxEntriesPerSite ?? DEFAULT_MAX_ENTRIES_PER_SITE);
  const maxPolicies = Math.max(1, limits.maxPolicies ?? DEFAULT_MAX_POLICIES);
  const existing = history.entries.find((e) => e.key === key);
  // Versions cut into paragraphs another way cannot be compared with this one: start afresh.
  const versions = existing
    ? existing.fingerprints.filter((f) => sameSegmentation(f, fingerprint))
    : [];
  const last = versions[versions.length - 1];
  if (last && sameText(last, fingerprint)) versions[versions.length - 1] = fingerprint;
  else versions.push(fingerprint);
  const entry: HistoryEntry = {
    key,
    lastSeenAt: fingerprint.analysedAt,
    fingerprints: versions.slice(-maxEntries),
  };
  const others = history.entries.filter((e) => e.key !== key);
  const budget = limits.maxStoredParagraphs ?? DEFAULT_MAX_STORED_PARAGRAPHS;
  return {
    version: HISTORY_VERSION,
    entries: trimToBudget([entry, ...others].slice(0, maxPolicies), budget),
  };
}

/**
 * Diffs a new fingerprint against the version seen last time and records it. `diff` is null on
 * the first visit (nothing to compare with).
 */
export function recordAnalysis(
  history: SiteHistory,
  key: string,
  fingerprint: PolicyFingerprint,
  limits: HistoryLimits = {},
): { history: SiteHistory; diff: PolicyDiff | null } {
  const previous = latestFingerprint(history, key);
  // An extension update that splits pages differently is not a change of the policy.
  const comparable = previous !== null && sameSegmentation(previous, fingerprint);
  return {
    history: mergeHistory(history, key, fingerprint, limits),
    diff: comparable ? diffPolicies(previous, fingerprint) : null,
  };
}

/** Forgets one policy (`key`) or, with a host name, every policy of that host. */
export function clearSite(history: SiteHistory, keyOrHost: string): SiteHistory {
  const host = keyOrHost.toLowerCase();
  return {
    version: HISTORY_VERSION,
    entries: history.entries.filter((e) => e.key !== keyOrHost && e.key.split('/')[0] !== host),
  };
}

/** "Clear history": the whole history, as a fresh empty value to store. */
export function clearHistory(): SiteHistory {
  return emptyHistory();
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function validateFingerprint(raw: unknown): PolicyFingerprint | null {
  if (!isRecord(raw) || raw.version !== FINGERPRINT_VERSION) return null;
  if (typeof raw.analysedAt !== 'string' || !Array.isArray(raw.paragraphs)) return null;
  const paragraphs: PolicyFingerprint['paragraphs'] = [];
  for (const p of raw.paragraphs) {
    if (!isRecord(p) || typeof p.hash !== 'string') return null;
    if (!Array.isArray(p.categories) || !Array.isArray(p.sensitive)) return null;
    paragraphs.push({
      hash: p.hash,
      categories: p.categories.filter(isCategoryId),
      sensitive: p.sensitive.filter(isSensitiveId),
      ...(typeof p.text === 'string' ? { text: p.text } : {}),
    });
  }
  return {
    version: FINGERPRINT_VERSION,
    ...(typeof raw.segmentation === 'number' ? { segmentation: raw.segmentation } : {}),
    analysedAt: raw.analysedAt,
    paragraphs,
  };
}

/**
 * Reads a history back from storage, dropping entries or fingerprints that do not have the
 * expected shape (e.g. written by a future version), never throwing.
 */
export function validateHistory(raw: unknown, limits: HistoryLimits = {}): SiteHistory {
  if (!isRecord(raw) || raw.version !== HISTORY_VERSION || !Array.isArray(raw.entries)) {
    return emptyHistory();
  }
  const maxEntries = limits.maxEntriesPerSite ?? DEFAULT_MAX_ENTRIES_PER_SITE;
  const seen = new Set<string>();
  const entries: HistoryEntry[] = [];
  for (const e of raw.entries) {
    if (!isRecord(e) || typeof e.key !== 'string' || typeof e.lastSeenAt !== 'string') continue;
    if (seen.has(e.key) || !Array.isArray(e.fingerprints)) continue;
    const fingerprints = e.fingerprints
      .map(validateFingerprint)
      .filter((f): f is PolicyFingerprint => f !== null)
      .slice(-maxEntries);
    if (fingerprints.length === 0) continue;
    seen.add(e.key);
    entries.push({ key: e.key, lastSeenAt: e.lastSeenAt, fingerprints });
  }
  return {
    version: HISTORY_VERSION,
    entries: trimToBudget(
      entries.slice(0, limits.maxPolicies ?? DEFAULT_MAX_POLICIES),
      limits.maxStoredParagraphs ?? DEFAULT_MAX_STORED_PARAGRAPHS,
    ),
  };
}
