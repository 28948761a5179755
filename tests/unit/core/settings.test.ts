import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  MAX_DISABLED_SITES,
  MIGRATIONS,
  SETTINGS_KEY,
  SETTINGS_SCHEMA_VERSION,
  defaultSettings,
  isSettings,
  isSiteEnabled,
  migrateSettings,
  normaliseHostname,
  setSiteEnabled,
  siteStatus,
  thresholdOffset,
  validateSettings,
  type Migration,
} from '../../../src/core/settings';
import { CATEGORY_IDS, SENSITIVE_IDS } from '../../../src/core/taxonomy';

describe('DEFAULT_SETTINGS', () => {
  it('has the documented first-run defaults', () => {
    expect(SETTINGS_KEY).toBe('settings');
    expect(DEFAULT_SETTINGS.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    for (const id of CATEGORY_IDS) {
      expect(DEFAULT_SETTINGS.enabledCategories[id]).toBe(id === 'third-party-sharing');
    }
    for (const id of SENSITIVE_IDS) expect(DEFAULT_SETTINGS.sensitiveTypes[id]).toBe(true);
    expect(DEFAULT_SETTINGS).toMatchObject({
      showSensitive: true,
      sensitivity: 'balanced',
      palette: 'default',
      paused: false,
      disabledSites: [],
      trackChanges: true,
      storeFullText: false,
    });
  });
  it('is deeply frozen, and defaultSettings() returns an independent copy', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.enabledCategories)).toBe(true);
    const copy = defaultSettings();
    copy.enabledCategories.other = true;
    copy.disabledSites.push('x.com');
    expect(DEFAULT_SETTINGS.enabledCategories.other).toBe(false);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
    expect(copy).not.toBe(DEFAULT_SETTINGS);
  });
});

describe('validateSettings', () => {
  it('returns defaults for garbage, never throwing', () => {
    for (const raw of [undefined, null, 0, 'x', [], true, () => 1, Symbol('s')]) {
      expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps every valid field of partial input and defaults the rest', () => {
    const s = validateSettings({
      schemaVersion: 1,
      enabledCategories: { 'user-choice': true, 'third-party-sharing': false },
      sensitivity: 'more',
      paused: true,
    });
    expect(s.enabledCategories['user-choice']).toBe(true);
    expect(s.enabledCategories['third-party-sharing']).toBe(false);
    expect(s.enabledCategories['data-retention']).toBe(false);
    expect(s.sensitivity).toBe('more');
    expect(s.paused).toBe(true);
    expect(s.palette).toBe('default');
    expect(s.trackChanges).toBe(true);
  });

  it('falls back per field on wrong types without losing valid neighbours', () => {
    const s = validateSettings({
      schemaVersion: 1,
      enabledCategories: { other: 'yes', 'user-access': true },
      sensitiveTypes: { health: false, biometric: 1 },
      showSensitive: 'false',
      sensitivity: 'max',
      palette: 'high-contrast',
      paused: null,
      disabledSites: ['Example.COM.', 42, '', 'bad host/path', 'ok.org', 'ok.org', 'x'.repeat(300)],
      trackChanges: false,
      storeFullText: 'true',
    });
    expect(s.enabledCategories.other).toBe(false);
    expect(s.enabledCategories['user-access']).toBe(true);
    expect(s.sensitiveTypes.health).toBe(false);
    expect(s.sensitiveTypes.biometric).toBe(true);
    expect(s.showSensitive).toBe(true);
    expect(s.sensitivity).toBe('balanced');
    expect(s.palette).toBe('high-contrast');
    expect(s.paused).toBe(false);
    expect(s.disabledSites).toEqual(['example.com', 'ok.org']);
    expect(s.trackChanges).toBe(false);
    expect(s.storeFullText).toBe(false);
  });

  it('drops unknown keys, including prototype-polluting ones', () => {
    const raw = JSON.parse(
      '{"schemaVersion":1,"extra":1,"__proto__":{"polluted":true},"enabledCategories":{"__proto__":{"x":1},"bogus":true}}',
    ) as unknown;
    const s = validateSettings(raw);
    expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(Object.keys(s.enabledCategories)).toEqual([...CATEGORY_IDS]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read inherited properties', () => {
    const raw = Object.create({ paused: true }) as Record<string, unknown>;
    raw.schemaVersion = 1;
    expect(validateSettings(raw).paused).toBe(false);
  });

  it('bounds the disabled-site list', () => {
    const many = Array.from({ length: MAX_DISABLED_SITES + 50 }, (_, i) => `s${i}.com`);
    expect(validateSettings({ disabledSites: many }).disabledSites).toHaveLength(
      MAX_DISABLED_SITES,
    );
  });

  it('is idempotent and returns fresh objects', () => {
    const once = validateSettings({ paused: true, disabledSites: ['a.com'] });
    expect(validateSettings(once)).toEqual(once);
    expect(validateSettings(once)).not.toBe(once);
    expect(validateSettings(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('keeps valid fields from a newer schema version (downgrade)', () => {
    const s = validateSettings({ schemaVersion: 7, paused: true, futureField: 1 });
    expect(s.paused).toBe(true);
    expect(s.schemaVersion).toBe(1);
  });
});

describe('migrations', () => {
  it('are ordered and start from version 0 (settings saved without a version)', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(
      [...MIGRATIONS.map((m) => m.from)].sort((a, b) => a - b),
    );
    expect(migrateSettings({ paused: true })).toEqual({ paused: true, schemaVersion: 1 });
    expect(validateSettings({ paused: true }).paused).toBe(true);
  });

  it('run every step in order from the stored version, whatever order they are listed in', () => {
    const steps: Migration[] = [
      {
        from: 2,
        migrate: (r) => ({
          ...r,
          schemaVersion: 3,
          palette: r.colours === 'contrast' ? 'high-contrast' : 'default',
        }),
      },
      { from: 1, migrate: (r) => ({ ...r, schemaVersion: 2, colours: r.theme }) },
    ];
    const out = migrateSettings({ schemaVersion: 1, theme: 'contrast' }, steps);
    expect(out).toMatchObject({ schemaVersion: 3, palette: 'high-contrast' });
    expect(validateSettings({ schemaVersion: 1, theme: 'contrast' }, steps).palette).toBe(
      'high-contrast',
    );
    // Already current: no step applies.
    expect(migrateSettings({ schemaVersion: 3, palette: 'default' }, steps)).toEqual({
      schemaVersion: 3,
      palette: 'default',
    });
  });

  it('a throwing migration stops migrating but validation still succeeds', () => {
    const steps: Migration[] = [
      {
        from: 0,
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(validateSettings({ paused: true }, steps)).toMatchObject({
      paused: true,
      schemaVersion: 1,
    });
  });
});

describe('isSettings', () => {
  it('accepts exactly valid current settings', () => {
    expect(isSettings(defaultSettings())).toBe(true);
    expect(isSettings(validateSettings({ disabledSites: ['a.com'], sensitivity: 'fewer' }))).toBe(
      true,
    );
  });
  it('rejects anything that validation would repair', () => {
    const d = defaultSettings();
    expect(isSettings({ ...d, extra: 1 })).toBe(false);
    expect(isSettings({ ...d, paused: 'no' })).toBe(false);
    expect(isSettings({ ...d, schemaVersion: 2 })).toBe(false);
    expect(isSettings({ ...d, disabledSites: ['A.com'] })).toBe(false);
    expect(isSettings({ ...d, enabledCategories: { ...d.enabledCategories, bogus: true } })).toBe(
      false,
    );
    const missing: Record<string, unknown> = { ...d };
    delete missing.palette;
    expect(isSettings(missing)).toBe(false);
    expect(isSettings(null)).toBe(false);
  });
});

describe('site switches', () => {
  it('normalises host names', () => {
    expect(normaliseHostname(' WWW.Example.com. ')).toBe('www.example.com');
    expect(normaliseHostname('a b')).toBeNull();
    expect(normaliseHostname('https://x.com')).toBeNull();
    expect(normaliseHostname(5)).toBeNull();
    expect(normaliseHostname('[::1]')).toBe('[::1]');
  });
  it('reports per-site and global state, the pause winning', () => {
    const s = setSiteEnabled(defaultSettings(), 'Example.com', false);
    expect(s.disabledSites).toEqual(['example.com']);
    expect(isSiteEnabled(s, 'example.com')).toBe(false);
    expect(siteStatus(s, 'EXAMPLE.com')).toBe('disabled');
    expect(isSiteEnabled(s, 'other.com')).toBe(true);
    expect(siteStatus({ ...s, paused: true }, 'other.com')).toBe('paused');
    const back = setSiteEnabled(s, 'example.com', true);
    expect(back.disabledSites).toEqual([]);
    expect(setSiteEnabled(s, 'example.com', false).disabledSites).toEqual(['example.com']);
    expect(setSiteEnabled(s, 'bad host', false)).toBe(s);
  });
  it('maps sensitivity to a threshold offset', () => {
    expect(thresholdOffset(defaultSettings())).toBe(0);
    expect(thresholdOffset({ ...defaultSettings(), sensitivity: 'fewer' })).toBeGreaterThan(0);
    expect(thresholdOffset({ ...defaultSettings(), sensitivity: 'more' })).toBeLessThan(0);
  });
});
