import { describe, expect, it } from 'vitest';
import {
  LEVEL_THRESHOLDS,
  SEVERITY_WEIGHT,
  assessRisk,
  levelForScore,
  type Finding,
} from '../../../src/core/risk';
import { completePolicy, para } from './fixtures';

const byId = (findings: Finding[], id: string) => findings.find((f) => f.id === id);
const idsOf = (findings: Finding[]) => findings.map((f) => f.id);

describe('levelForScore', () => {
  it('maps scores to levels at the documented thresholds', () => {
    expect(levelForScore(0)).toBe('low');
    expect(levelForScore(LEVEL_THRESHOLDS.medium - 1)).toBe('low');
    expect(levelForScore(LEVEL_THRESHOLDS.medium)).toBe('medium');
    expect(levelForScore(LEVEL_THRESHOLDS.high - 1)).toBe('medium');
    expect(levelForScore(LEVEL_THRESHOLDS.high)).toBe('high');
  });
});

describe('assessRisk: level and score', () => {
  it('is unknown for an empty or thin page, without absence findings', () => {
    expect(assessRisk([])).toEqual({ level: 'unknown', score: 0, reasons: [], positives: [] });
    const thin = assessRisk([
      para('Cookies help us.', ['other']),
      para('Contact us.', ['other']),
      para('Hello.', ['other']),
    ]);
    expect(thin.level).toBe('unknown');
    expect(thin.reasons.filter((f) => f.paragraphIds.length === 0)).toEqual([]);
  });

  it('still reports explicit practices on a thin page', () => {
    const r = assessRisk([
      para('We collect fingerprints.', ['first-party-collection'], ['biometric'], { id: 'b' }),
    ]);
    expect(r.level).toBe('unknown');
    expect(byId(r.reasons, 'sensitive:biometric')?.paragraphIds).toEqual(['b']);
  });

  it('scores a complete, bland policy low', () => {
    const r = assessRisk(completePolicy());
    expect(r.level).toBe('low');
    expect(idsOf(r.reasons)).toEqual(['sharing:general']);
    expect(r.score).toBe(SEVERITY_WEIGHT.medium);
    expect(idsOf(r.positives)).toEqual([
      'positive:user-choice',
      'positive:user-access',
      'positive:retention-period',
      'positive:data-security',
    ]);
    expect(r.positives.every((f) => f.severity === 'info')).toBe(true);
  });

  it('score is the sum of reason weights', () => {
    const r = assessRisk([
      ...completePolicy(),
      para('Third-party SDKs collect your device data.', ['third-party-sharing']),
      para(
        'We sell your personal information to data brokers and advertisers.',
        ['third-party-sharing'],
        [],
        { id: 'sell' },
      ),
    ]);
    const sum = r.reasons.reduce((s, f) => s + SEVERITY_WEIGHT[f.severity], 0);
    expect(r.score).toBe(sum);
    expect(r.level).toBe('high');
  });

  it('headings are never evidence', () => {
    const policy = completePolicy().filter((p) => p.id !== 'r1');
    policy.push(para('Data Retention', ['data-retention'], [], { id: 'rh', isHeading: true }));
    const r = assessRisk(policy);
    expect(byId(r.reasons, 'retention:missing')).toBeDefined();
  });
});

describe('assessRisk: sensitive data', () => {
  it('makes a high finding for biometric data with its clauses', () => {
    const r = assessRisk([
      ...completePolicy(),
      para('We scan your face to verify you.', ['first-party-collection'], ['biometric'], {
        id: 'f',
      }),
    ]);
    const f = byId(r.reasons, 'sensitive:biometric');
    expect(f).toMatchObject({ severity: 'high', label: 'biometric', paragraphIds: ['f'] });
    expect(f?.detail).toContain('1 clause');
  });

  it.each([
    ['government-id', 'high'],
    ['health', 'high'],
    ['special-categories', 'high'],
    ['children', 'medium'],
    ['contacts', 'medium'],
    ['communications', 'medium'],
    ['device-identifiers', 'medium'],
    ['financial', 'low'],
  ] as const)('%s has base severity %s', (type, severity) => {
    const r = assessRisk([
      ...completePolicy(),
      para('We collect it.', ['first-party-collection'], [type], { id: 'x' }),
    ]);
    expect(byId(r.reasons, `sensitive:${type}`)?.severity).toBe(severity);
  });

  it('treats precise location as high and coarse location as medium', () => {
    const coarse = assessRisk([
      para('We infer your city from your IP address.', ['first-party-collection'], ['location']),
    ]);
    expect(byId(coarse.reasons, 'sensitive:location')?.severity).toBe('medium');
    const precise = assessRisk([
      para('We collect precise GPS location.', ['first-party-collection'], ['location']),
    ]);
    expect(byId(precise.reasons, 'sensitive:location')?.severity).toBe('high');
  });

  it('raises severity one step when the sensitive data is also shared', () => {
    const r = assessRisk([
      para('We share your purchase history with partners.', ['third-party-sharing'], ['financial']),
    ]);
    const f = byId(r.reasons, 'sensitive:financial');
    expect(f?.severity).toBe('medium');
    expect(f?.detail).toContain('sharing it with third parties');
  });

  it('ignores sensitive labels on headings', () => {
    const r = assessRisk([para('Health data', [], ['health'], { isHeading: true })]);
    expect(byId(r.reasons, 'sensitive:health')).toBeUndefined();
  });
});

describe('assessRisk: sharing', () => {
  it('flags sale, advertisers and trackers as high, sharing as medium', () => {
    const r = assessRisk([
      ...completePolicy(),
      para('We may sell your personal information.', ['third-party-sharing'], [], { id: 'sale' }),
      para('We share data with advertisers.', ['third-party-sharing'], [], { id: 'ads' }),
      para(
        'Our app includes third-party SDKs that collect device data.',
        ['third-party-sharing'],
        [],
        { id: 'sdk' },
      ),
    ]);
    expect(byId(r.reasons, 'sharing:sale')).toMatchObject({
      severity: 'high',
      paragraphIds: ['sale'],
    });
    expect(byId(r.reasons, 'sharing:advertising')).toMatchObject({
      severity: 'high',
      paragraphIds: ['ads'],
    });
    expect(byId(r.reasons, 'sharing:trackers')).toMatchObject({
      severity: 'high',
      paragraphIds: ['sdk'],
    });
    expect(byId(r.reasons, 'sharing:general')?.paragraphIds).toEqual(['s1', 'sale', 'ads', 'sdk']);
    expect(r.level).toBe('high');
  });

  it('only reads sale wording in sharing or regional paragraphs', () => {
    const r = assessRisk([para('We sell your personal information.', ['first-party-collection'])]);
    expect(byId(r.reasons, 'sharing:sale')).toBeUndefined();
    const ccpa = assessRisk([
      para('We sell personal information of California residents.', ['specific-audiences'], [], {
        id: 'ca',
      }),
    ]);
    expect(byId(ccpa.reasons, 'sharing:sale')?.paragraphIds).toEqual(['ca']);
  });

  it('records a promise not to sell as a positive', () => {
    const r = assessRisk([
      ...completePolicy(),
      para('We do not sell your personal information.', ['specific-audiences'], [], { id: 'ns' }),
    ]);
    expect(byId(r.reasons, 'sharing:sale')).toBeUndefined();
    expect(byId(r.positives, 'positive:no-sale')?.paragraphIds).toEqual(['ns']);
  });

  it('a sale elsewhere overrides a no-sale promise', () => {
    const r = assessRisk([
      para('We do not sell your personal information.', ['third-party-sharing']),
      para('We may sell aggregated profile data to partners.', ['third-party-sharing']),
    ]);
    expect(byId(r.reasons, 'sharing:sale')).toBeDefined();
    expect(byId(r.positives, 'positive:no-sale')).toBeUndefined();
  });

  it('uses advertising third parties as evidence', () => {
    const r = assessRisk(
      [para('We work with AdCo.', ['third-party-sharing'], [], { id: 'adco' })],
      [{ name: 'AdCo', kind: 'advertising', paragraphIds: ['adco'] }],
    );
    expect(byId(r.reasons, 'sharing:advertising')?.paragraphIds).toEqual(['adco']);
    const processor = assessRisk(
      [para('We work with PayCo.', ['third-party-sharing'], [], { id: 'pay' })],
      [{ name: 'PayCo', kind: 'payment', paragraphIds: ['pay'] }],
    );
    expect(byId(processor.reasons, 'sharing:advertising')).toBeUndefined();
  });

  it('counts a named ad network or SDK even outside sharing paragraphs, in reading order', () => {
    const r = assessRisk(
      [
        para('We use AdMob to show ads in the app.', ['first-party-collection'], [], {
          id: 'admob',
        }),
        para('We share data with advertisers.', ['third-party-sharing'], [], { id: 'share' }),
        para('Crash reports go to Crashly.', ['first-party-collection'], [], { id: 'crash' }),
        para('Heading AdMob', [], [], { id: 'head', isHeading: true }),
      ],
      [
        { name: 'AdMob', kind: 'advertising', paragraphIds: ['head', 'admob'] },
        { name: 'Crashly SDK', kind: 'sdk', paragraphIds: ['crash'] },
        { name: 'Analytico', kind: 'analytics', paragraphIds: ['share'] },
      ],
    );
    expect(byId(r.reasons, 'sharing:advertising')?.paragraphIds).toEqual(['admob', 'share']);
    expect(byId(r.reasons, 'sharing:trackers')?.paragraphIds).toEqual(['crash']);
  });
});

describe('assessRisk: absences and presence', () => {
  it('emits absence findings with no clause', () => {
    const r = assessRisk([
      para('We collect your email.', ['first-party-collection']),
      para('We collect your name.', ['first-party-collection']),
      para('We collect your IP.', ['first-party-collection']),
    ]);
    for (const id of [
      'retention:missing',
      'user-access:missing',
      'user-choice:missing',
      'data-security:missing',
    ]) {
      const f = byId(r.reasons, id);
      expect(f?.paragraphIds).toEqual([]);
      expect(f?.detail).toMatch(/no clause found/i);
    }
    expect(byId(r.reasons, 'retention:missing')?.severity).toBe('medium');
    expect(byId(r.reasons, 'user-access:missing')?.severity).toBe('medium');
    expect(byId(r.reasons, 'user-choice:missing')?.severity).toBe('low');
    // Silence alone (40 points) stays below the medium cut-off set on OPP-115.
    expect(r.score).toBe(40);
    expect(r.level).toBe('low');
  });

  it('calls three high-severity findings high whatever the total', () => {
    expect(levelForScore(LEVEL_THRESHOLDS.high - 1, 3)).toBe('high');
    expect(levelForScore(LEVEL_THRESHOLDS.high - 1, 2)).toBe('medium');
    expect(levelForScore(LEVEL_THRESHOLDS.medium - 1, 0)).toBe('low');
  });

  it('distinguishes indefinite, vague and concrete retention', () => {
    const base = completePolicy().filter((p) => p.id !== 'r1');
    const indefinite = assessRisk([
      ...base,
      para('We may keep your data indefinitely.', ['data-retention'], [], { id: 'ri' }),
    ]);
    expect(byId(indefinite.reasons, 'retention:indefinite')).toMatchObject({
      severity: 'medium',
      paragraphIds: ['ri'],
    });
    const vague = assessRisk([
      ...base,
      para('We keep data as long as necessary.', ['data-retention'], [], { id: 'rv' }),
    ]);
    expect(byId(vague.reasons, 'retention:vague')).toMatchObject({
      severity: 'low',
      paragraphIds: ['rv'],
    });
    const concrete = assessRisk(completePolicy());
    expect(byId(concrete.positives, 'positive:retention-period')?.paragraphIds).toEqual(['r1']);
  });

  it('flags policy changes without notice and credits promises to notify', () => {
    const silent = assessRisk([
      ...completePolicy(),
      para('We may change this policy at any time without notice.', ['policy-change'], [], {
        id: 'pc',
      }),
    ]);
    expect(byId(silent.reasons, 'policy-change:no-notice')).toMatchObject({
      severity: 'low',
      paragraphIds: ['pc'],
    });
    const posted = assessRisk([
      ...completePolicy(),
      para('Changes will be posted on this page.', ['policy-change'], [], { id: 'pp' }),
    ]);
    expect(byId(posted.reasons, 'policy-change:no-notice')?.paragraphIds).toEqual(['pp']);
    const notify = assessRisk([
      ...completePolicy(),
      para('We will notify you by email before changes take effect.', ['policy-change'], [], {
        id: 'pn',
      }),
    ]);
    expect(byId(notify.positives, 'positive:change-notice')?.paragraphIds).toEqual(['pn']);
    expect(byId(notify.reasons, 'policy-change:no-notice')).toBeUndefined();
  });

  it('flags ignored Do Not Track and credits honoured signals', () => {
    const ignored = assessRisk([
      ...completePolicy(),
      para('We do not respond to Do Not Track signals.', ['do-not-track'], [], { id: 'dnt' }),
    ]);
    expect(byId(ignored.reasons, 'do-not-track:ignored')).toMatchObject({
      severity: 'low',
      paragraphIds: ['dnt'],
    });
    const honoured = assessRisk([
      ...completePolicy(),
      para('We honor Global Privacy Control.', ['do-not-track'], [], { id: 'gpc' }),
    ]);
    expect(byId(honoured.positives, 'positive:do-not-track')?.paragraphIds).toEqual(['gpc']);
  });
});

describe('assessRisk: ordering', () => {
  it('orders by severity, then first clause position, absences last, deterministically', () => {
    const paragraphs = [
      para('We collect contacts.', ['first-party-collection'], ['contacts'], { id: 'k' }),
      para('We share data with advertisers.', ['third-party-sharing'], [], { id: 'ads' }),
      para('We collect your face.', ['first-party-collection'], ['biometric'], { id: 'bio' }),
      para('We collect your email.', ['first-party-collection']),
    ];
    const r = assessRisk(paragraphs);
    const order = r.reasons.map((f) => `${f.severity}:${f.id}`);
    expect(order).toEqual([
      'high:sharing:advertising',
      'high:sensitive:biometric',
      'medium:sensitive:contacts',
      'medium:sharing:general',
      'medium:retention:missing',
      'medium:user-access:missing',
      'low:data-security:missing',
      'low:user-choice:missing',
    ]);
    expect(
      assessRisk([...paragraphs].reverse())
        .reasons.map((f) => f.id)
        .sort(),
    ).toEqual(r.reasons.map((f) => f.id).sort());
    expect(assessRisk(paragraphs)).toEqual(r);
  });
});
