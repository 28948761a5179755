/**
 * User settings (issue 4, STYLE.md item 9): one defaults object whose type is the settings type, a
 * schema version with ordered migrations, and validation that keeps every valid field and falls
 * back to the default per field, so a corrupt or hand-edited storage entry can never break the
 * extension nor wipe the user's other choices.
 */
import type { CategoryId, SensitiveId } from './taxonomy';
import { CATEGORY_IDS, SENSITIVE_IDS } from './taxonomy';

export const SETTINGS_SCHEMA_VERSION = 1;
/** Key of the settings object in `storage.sync`. */
export const SETTINGS_KEY = 'settings';

export const SENSITIVITIES = ['fewer', 'balanced', 'more'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const PALETTES = ['default', 'high-contrast'] as const;
export type Palette = (typeof PALETTES)[number];

/**
 * Added to every per-label classifier threshold. "fewer" raises the bar (fewer, surer
 * highlights); "more" lowers it (more highlights, more false alarms).
 */
export const SENSITIVITY_OFFSET: Record<Sensitivity, number> = {
  fewer: 0.1,
  balanced: 0,
  more: -0.1,
};

/** Bounds that keep stored settings small whatever is written into them. */
export const MAX_DISABLED_SITES = 1000;
const MAX_HOSTNAME_LENGTH = 253;

function allCategories(on: CategoryId[]): Record<CategoryId, boolean> {
  return Object.fromEntries(CATEGORY_IDS.map((id) => [id, on.includes(id)])) as Record<
    CategoryId,
    boolean
  >;
}

function allSensitive(on: boolean): Record<SensitiveId, boolean> {
  return Object.fromEntries(SENSITIVE_IDS.map((id) => [id, on])) as Record<SensitiveId, boolean>;
}

const defaults = {
  schemaVersion: SETTINGS_SCHEMA_VERSION as typeof SETTINGS_SCHEMA_VERSION,
  /** Categories highlighted by default: only sharing, the practice users most want to see. */
  enabledCategories: allCategories(['third-party-sharing']),
  /** Sensitive-data phrase highlights. */
  showSensitive: true,
  /** Per-type switches for sensitive-data highlights, all on. */
  sensitiveTypes: allSensitive(true),
  sensitivity: 'balanced' as Sensitivity,
  palette: 'default' as Palette,
  /** Global pause: no analysis anywhere. */
  paused: false,
  /** Host names where the extension stays off. */
  disabledSites: [] as string[],
  trackChanges: true,
  /** Change tracking stores paragraph hashes only unless the user opts in to full text. */
  storeFullText: false,
};

export type Settings = typeof defaults;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Frozen so no context can mutate the shared defaults; copy with `defaultSettings()`. */
export const DEFAULT_SETTINGS: Readonly<Settings> = deepFreeze(defaults);

export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    enabledCategories: { ...DEFAULT_SETTINGS.enabledCategories },
    sensitiveTypes: { ...DEFAULT_SETTINGS.sensitiveTypes },
    disabledSites: [...DEFAULT_SETTINGS.disabledSites],
  };
}

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Migration {
  /** Applies to stored objects whose schemaVersion is `from`; returns one at `from + 1`. */
  from: number;
  migrate(raw: Raw): Raw;
}

/**
 * Ordered migrations, oldest first. Version 1 is the first released schema, so the only step
 * so far stamps a version on objects saved without one (treated as version 0, same fields).
 * Add a step here, and bump SETTINGS_SCHEMA_VERSION, whenever a field is renamed or reshaped.
 */
export const MIGRATIONS: readonly Migration[] = [
  { from: 0, migrate: (raw) => ({ ...raw, schemaVersion: 1 }) },
];

function storedVersion(raw: Raw): number {
  const v = raw.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** Runs every migration from the stored version up; a failing step leaves the object as it was. */
export function migrateSettings(raw: Raw, migrations: readonly Migration[] = MIGRATIONS): Raw {
  let current = raw;
  for (const step of [...migrations].sort((a, b) => a.from - b.from)) {
    if (storedVersion(current) !== step.from) continue;
    try {
      current = step.migrate(current);
    } catch {
      break;
    }
  }
  return current;
}

/** Lower-case host name without a trailing dot, or null when it cannot be one. */
export function normaliseHostname(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > MAX_HOSTNAME_LENGTH) return null;
  // Letters, digits, dots, hyphens, IPv6 brackets and colons; no schemes, paths or spaces.
  return /^[a-z0-9.\-[\]:_]+$/.test(host) ? host : null;
}

function flags<K extends string>(
  keys: readonly K[],
  raw: unknown,
  fallback: Record<K, boolean>,
): Record<K, boolean> {
  const source = isRecord(raw) ? raw : {};
  const out = {} as Record<K, boolean>;
  for (const k of keys) {
    const v = Object.prototype.hasOwnProperty.call(source, k) ? source[k] : undefined;
    out[k] = typeof v === 'boolean' ? v : fallback[k];
  }
  return out;
}

function oneOf<T extends string>(allowed: readonly T[], raw: unknown, fallback: T): T {
  return (allowed as readonly unknown[]).includes(raw) ? (raw as T) : fallback;
}

const bool = (raw: unknown, fallback: boolean): boolean =>
  typeof raw === 'boolean' ? raw : fallback;

function hosts(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out = new Set<string>();
  for (const v of raw) {
    const host = normaliseHostname(v);
    if (host) out.add(host);
    if (out.size >= MAX_DISABLED_SITES) break;
  }
  return [...out];
}

/**
 * Turns anything read from storage into valid settings: migrates, then takes each known field
 * when it is valid and the default otherwise. Unknown keys are dropped. Never throws.
 */
export function validateSettings(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
): Settings {
  const d = DEFAULT_SETTINGS;
  if (!isRecord(raw)) return defaultSettings();
  const migrated = migrateSettings(raw, migrations);
  // Own properties only: nothing inherited (e.g. through a polluted prototype) is trusted.
  const r = (key: keyof Settings): unknown =>
    Object.prototype.hasOwnProperty.call(migrated, key) ? migrated[key] : undefined;
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    enabledCategories: flags(CATEGORY_IDS, r('enabledCategories'), d.enabledCategories),
    showSensitive: bool(r('showSensitive'), d.showSensitive),
    sensitiveTypes: flags(SENSITIVE_IDS, r('sensitiveTypes'), d.sensitiveTypes),
    sensitivity: oneOf(SENSITIVITIES, r('sensitivity'), d.sensitivity),
    palette: oneOf(PALETTES, r('palette'), d.palette),
    paused: bool(r('paused'), d.paused),
    disabledSites: hosts(r('disabledSites')),
    trackChanges: bool(r('trackChanges'), d.trackChanges),
    storeFullText: bool(r('storeFullText'), d.storeFullText),
  };
}

/**
 * Strict check for settings received in a message: true only when the value is exactly a valid,
 * current-version settings object (no extra keys, nothing to repair).
 */
export function isSettings(raw: unknown): raw is Settings {
  if (!isRecord(raw) || raw.schemaVersion !== SETTINGS_SCHEMA_VERSION) return false;
  const keys = Object.keys(raw);
  const expected = Object.keys(DEFAULT_SETTINGS);
  if (keys.length !== expected.length || !expected.every((k) => keys.includes(k))) return false;
  const nested = (v: unknown, ids: readonly string[]): boolean =>
    isRecord(v) &&
    Object.keys(v).length === ids.length &&
    ids.every((id) => typeof v[id] === 'boolean');
  const v = validateSettings(raw);
  return (
    nested(raw.enabledCategories, CATEGORY_IDS) &&
    nested(raw.sensitiveTypes, SENSITIVE_IDS) &&
    Array.isArray(raw.disabledSites) &&
    raw.disabledSites.length === v.disabledSites.length &&
    raw.disabledSites.every((h, i) => h === v.disabledSites[i]) &&
    raw.showSensitive === v.showSensitive &&
    raw.sensitivity === v.sensitivity &&
    raw.palette === v.palette &&
    raw.paused === v.paused &&
    raw.trackChanges === v.trackChanges &&
    raw.storeFullText === v.storeFullText
  );
}

export function thresholdOffset(settings: Settings): number {
  return SENSITIVITY_OFFSET[settings.sensitivity];
}

export type SiteStatus = 'enabled' | 'paused' | 'disabled';

/** Why the extension is (not) running on `hostname`: the global pause wins over the site list. */
export function siteStatus(settings: Settings, hostname: string): SiteStatus {
  if (settings.paused) return 'paused';
  const host = normaliseHostname(hostname);
  return host !== null && settings.disabledSites.includes(host) ? 'disabled' : 'enabled';
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return siteStatus(settings, hostname) === 'enabled';
}

/** Returns new settings with `hostname` switched on or off (the per-site switch). */
export function setSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = normaliseHostname(hostname);
  if (host === null) return settings;
  const others = settings.disabledSites.filter((h) => h !== host);
  const disabledSites = enabled ? others : [...others, host].slice(-MAX_DISABLED_SITES);
  return { ...settings, disabledSites };
}
