/**
 * The individual risk rules behind `assessRisk` (issue 4). Each rule reads the labelled
 * paragraphs of one practice and returns `[risks, positives]`; severities and the reasoning
 * behind them are documented at each rule. Kept apart from risk.ts so each file stays small.
 */
import type { CategoryId, SensitiveId } from './taxonomy';
import { SENSITIVE_INFO } from './taxonomy';
import type { Finding, RiskParagraph, Severity } from './risk';
import {
  detectDntStance,
  detectIndefiniteRetention,
  mentionsPreciseLocation,
  promisesChangeNotice,
  saysChangesWithoutNotice,
  statesConcretePeriod,
} from './risk-text';

/** What a rule returns: findings against the user, then findings in the user's favour. */
export type RuleOutput = [risks: Finding[], positives: Finding[]];

/**
 * Base severity per sensitive type. High: data that is specially protected in law (GDPR Art. 9
 * special categories and biometrics) or enables identity theft (government ids). Medium: data
 * revealing private life or other people (contacts, communications, location, persistent device
 * ids) and children's data: COPPA protects it strongly, but nearly every general-audience policy
 * has a children's paragraph ("minors should ask their parents..."), so the paragraph-level
 * signal is weak evidence on its own. Low: payment data, which is expected when you buy
 * something. Precise location is raised to high below; any type shared with third parties is
 * raised one step (children's data shared with others is therefore high).
 */
const SENSITIVE_SEVERITY: Record<SensitiveId, Severity> = {
  biometric: 'high',
  'government-id': 'high',
  health: 'high',
  'special-categories': 'high',
  children: 'medium',
  location: 'medium',
  contacts: 'medium',
  communications: 'medium',
  'device-identifiers': 'medium',
  financial: 'low',
};

const RAISE: Record<Severity, Severity> = {
  high: 'high',
  medium: 'high',
  low: 'medium',
  info: 'low',
};

/** Paragraph ids with a category, scored paragraphs only, in reading order. */
export type PolicyIndex = {
  scored: RiskParagraph[];
  byCategory: Map<CategoryId, RiskParagraph[]>;
  bySensitive: Map<SensitiveId, RiskParagraph[]>;
  position: Map<string, number>;
};

export function buildIndex(paragraphs: readonly RiskParagraph[]): PolicyIndex {
  // Headings are not scored (TAXONOMY.md): a heading "Data Retention" says nothing about how long.
  const scored = paragraphs.filter((p) => !p.isHeading);
  const byCategory = new Map<CategoryId, RiskParagraph[]>();
  const bySensitive = new Map<SensitiveId, RiskParagraph[]>();
  for (const p of scored) {
    for (const c of new Set(p.categories)) byCategory.set(c, [...(byCategory.get(c) ?? []), p]);
    for (const s of new Set(p.sensitive)) bySensitive.set(s, [...(bySensitive.get(s) ?? []), p]);
  }
  const position = new Map<string, number>();
  paragraphs.forEach((p, i) => {
    if (!position.has(p.id)) position.set(p.id, i);
  });
  return { scored, byCategory, bySensitive, position };
}

export const ids = (ps: readonly RiskParagraph[]): string[] => ps.map((p) => p.id);
export const clauses = (n: number): string => (n === 1 ? '1 clause' : `${n} clauses`);
const NO_CLAUSE = 'No clause found on this page';

export function sensitiveFindings(index: PolicyIndex): RuleOutput {
  const findings: Finding[] = [];
  for (const [type, ps] of index.bySensitive) {
    let severity = SENSITIVE_SEVERITY[type];
    if (type === 'location' && ps.some((p) => mentionsPreciseLocation(p.text))) severity = 'high';
    const shared = ps.some((p) => p.categories.includes('third-party-sharing'));
    if (shared) severity = RAISE[severity];
    const data = SENSITIVE_INFO[type].data;
    findings.push({
      id: `sensitive:${type}`,
      severity,
      label: type,
      title: `Collects ${data}`,
      detail:
        `The policy mentions collecting or using ${data} in ${clauses(ps.length)}` +
        `${shared ? ', including a clause about sharing it with third parties' : ''}. ` +
        SENSITIVE_INFO[type].why,
      paragraphIds: ids(ps),
    });
  }
  return [findings, []];
}

function absence(id: string, label: CategoryId, severity: Severity, title: string, why: string) {
  return { id, label, severity, title, detail: `${NO_CLAUSE}. ${why}`, paragraphIds: [] };
}

export function retentionFindings(index: PolicyIndex, assessable: boolean): RuleOutput {
  const ps = index.byCategory.get('data-retention') ?? [];
  if (ps.length === 0) {
    const missing = absence(
      'retention:missing',
      'data-retention',
      'medium',
      'No retention period stated',
      'Without a stated period your data may be kept for as long as the company likes.',
    );
    return [assessable ? [missing] : [], []];
  }
  const indefinite = ps.filter((p) => detectIndefiniteRetention(p.text));
  if (indefinite.length > 0) {
    return [
      [
        {
          id: 'retention:indefinite',
          severity: 'medium',
          label: 'data-retention',
          title: 'Data may be kept indefinitely',
          detail: `The policy allows keeping some data indefinitely or permanently (${clauses(indefinite.length)}).`,
          paragraphIds: ids(indefinite),
        },
      ],
      [],
    ];
  }
  const concrete = ps.filter((p) => statesConcretePeriod(p.text));
  if (concrete.length === 0) {
    return [
      [
        {
          id: 'retention:vague',
          severity: 'low',
          label: 'data-retention',
          title: 'Retention period is vague',
          detail: `Retention is described (${clauses(ps.length)}) but no concrete period is given, e.g. only "as long as necessary".`,
          paragraphIds: ids(ps),
        },
      ],
      [],
    ];
  }
  const positive: Finding = {
    id: 'positive:retention-period',
    severity: 'info',
    label: 'data-retention',
    title: 'States how long data is kept',
    detail: `The policy names a concrete retention period (${clauses(concrete.length)}).`,
    paragraphIds: ids(concrete),
  };
  return [[], [positive]];
}

/**
 * Rules of the form "present → in your favour; absent → a risk": access/deletion rights (their
 * absence is medium: GDPR Art. 15–17 and CCPA make them the baseline), choices and security
 * (absence low: often covered elsewhere, e.g. in a cookie banner or security page).
 */
const PRESENCE_RULES: {
  category: CategoryId;
  positiveTitle: string;
  missing: { severity: Severity; title: string; why: string };
}[] = [
  {
    category: 'user-access',
    positiveTitle: 'Explains how to access or delete your data',
    missing: {
      severity: 'medium',
      title: 'No access or deletion rights described',
      why: 'You may have no stated way to see, correct or delete your data.',
    },
  },
  {
    category: 'user-choice',
    positiveTitle: 'Offers choices or opt-outs',
    missing: {
      severity: 'low',
      title: 'No opt-outs or choices described',
      why: 'The policy does not say how you can limit what happens to your data.',
    },
  },
  {
    category: 'data-security',
    positiveTitle: 'Describes how data is protected',
    missing: {
      severity: 'low',
      title: 'No security measures described',
      why: 'The policy does not say how your data is protected.',
    },
  },
];

export function presenceFindings(index: PolicyIndex, assessable: boolean): RuleOutput {
  const risks: Finding[] = [];
  const positives: Finding[] = [];
  for (const rule of PRESENCE_RULES) {
    const ps = index.byCategory.get(rule.category) ?? [];
    if (ps.length > 0) {
      positives.push({
        id: `positive:${rule.category}`,
        severity: 'info',
        label: rule.category,
        title: rule.positiveTitle,
        detail: `Described in ${clauses(ps.length)}.`,
        paragraphIds: ids(ps),
      });
    } else if (assessable) {
      const { severity, title, why } = rule.missing;
      risks.push(absence(`${rule.category}:missing`, rule.category, severity, title, why));
    }
  }
  return [risks, positives];
}

export function changeAndDntFindings(index: PolicyIndex): RuleOutput {
  const risks: Finding[] = [];
  const positives: Finding[] = [];
  const change = index.byCategory.get('policy-change') ?? [];
  const silent = change.filter((p) => saysChangesWithoutNotice(p.text));
  const notify = change.filter((p) => promisesChangeNotice(p.text));
  // Only posting the new version on this page is, in practice, no notice at all.
  if (silent.length > 0 || (change.length > 0 && notify.length === 0)) {
    const evidence = silent.length > 0 ? silent : change;
    risks.push({
      id: 'policy-change:no-notice',
      severity: 'low',
      label: 'policy-change',
      title: 'Policy may change without notice',
      detail: `The policy can change without you being told directly (${clauses(evidence.length)}).`,
      paragraphIds: ids(evidence),
    });
  } else if (notify.length > 0) {
    positives.push({
      id: 'positive:change-notice',
      severity: 'info',
      label: 'policy-change',
      title: 'Promises to notify you of changes',
      detail: `The policy says you will be told about changes (${clauses(notify.length)}).`,
      paragraphIds: ids(notify),
    });
  }

  const dnt = index.byCategory.get('do-not-track') ?? [];
  const stances = dnt.map((p) => ({ p, stance: detectDntStance(p.text) }));
  const ignored = stances.filter((x) => x.stance.ignored).map((x) => x.p);
  const honoured = stances.filter((x) => x.stance.honoured).map((x) => x.p);
  if (ignored.length > 0) {
    risks.push({
      id: 'do-not-track:ignored',
      severity: 'low',
      label: 'do-not-track',
      title: 'Ignores Do Not Track',
      detail: `The policy says your browser's Do Not Track or privacy signal is not honoured (${clauses(ignored.length)}).`,
      paragraphIds: ids(ignored),
    });
  } else if (honoured.length > 0) {
    positives.push({
      id: 'positive:do-not-track',
      severity: 'info',
      label: 'do-not-track',
      title: 'Honours Do Not Track or Global Privacy Control',
      detail: `The policy says it responds to your browser's privacy signal (${clauses(honoured.length)}).`,
      paragraphIds: ids(honoured),
    });
  }
  return [risks, positives];
}
