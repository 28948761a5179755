/**
 * The label ids of ../shared/TAXONOMY.md. Code, model files, stored settings and test fixtures
 * refer to labels by these ids only; display text lives here too so every context agrees.
 */

export const CATEGORY_IDS = [
  'first-party-collection',
  'third-party-sharing',
  'user-choice',
  'user-access',
  'data-retention',
  'data-security',
  'policy-change',
  'do-not-track',
  'specific-audiences',
  'other',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const SENSITIVE_IDS = [
  'location',
  'biometric',
  'health',
  'financial',
  'government-id',
  'contacts',
  'communications',
  'device-identifiers',
  'children',
  'special-categories',
] as const;
export type SensitiveId = (typeof SENSITIVE_IDS)[number];

export type LabelId = CategoryId | SensitiveId;

export interface LabelInfo {
  /** Short name shown in the popup and tooltips. */
  name: string;
  /** One sentence a user reads in the tooltip: why this clause matters to them. */
  why: string;
}

/** A sensitive type also has a noun phrase for sentences such as "Collects <data>". */
export interface SensitiveInfo extends LabelInfo {
  data: string;
}

export const CATEGORY_INFO: Record<CategoryId, LabelInfo> = {
  'first-party-collection': {
    name: 'Data collection',
    why: 'What this service itself collects about you and what it uses it for.',
  },
  'third-party-sharing': {
    name: 'Third-party sharing',
    why: 'Your data goes to, or is collected by, other companies: advertisers, partners, SDKs, authorities.',
  },
  'user-choice': {
    name: 'Your choices',
    why: 'Consent, opt-outs and settings you can use to limit what happens to your data.',
  },
  'user-access': {
    name: 'Access & deletion',
    why: 'How you can see, correct, export or delete your data, or close your account.',
  },
  'data-retention': {
    name: 'Retention',
    why: 'How long your data is kept before it is deleted or anonymised.',
  },
  'data-security': {
    name: 'Security',
    why: 'How your data is protected, and what happens if it leaks.',
  },
  'policy-change': {
    name: 'Policy changes',
    why: 'How this policy can change and whether you will be told.',
  },
  'do-not-track': {
    name: 'Do Not Track',
    why: 'Whether the service honours your browser’s Do Not Track or Global Privacy Control signal.',
  },
  'specific-audiences': {
    name: 'Children & regions',
    why: 'Rules for children, for residents of specific regions, and transfers across borders.',
  },
  other: {
    name: 'Other',
    why: 'Introductions, definitions and contact details.',
  },
};

export const SENSITIVE_INFO: Record<SensitiveId, SensitiveInfo> = {
  location: {
    name: 'Location',
    data: 'your location',
    why: 'Location data reveals where you live, work and go.',
  },
  biometric: {
    name: 'Biometrics',
    data: 'biometric data',
    why: 'Face, fingerprint or voice data identifies you for life and cannot be changed if leaked.',
  },
  health: {
    name: 'Health',
    data: 'health data',
    why: 'Health data is among the most sensitive information about you.',
  },
  financial: {
    name: 'Financial',
    data: 'financial data',
    why: 'Payment and financial data can be used for fraud and profiling.',
  },
  'government-id': {
    name: 'Government ID',
    data: 'government ID numbers',
    why: 'ID numbers enable identity theft and tie your activity to your legal identity.',
  },
  contacts: {
    name: 'Contacts',
    data: 'your contacts',
    why: 'Your address book exposes other people who never agreed to share their data.',
  },
  communications: {
    name: 'Communications',
    data: 'your messages or calls',
    why: 'Messages, calls and recordings are private conversations.',
  },
  'device-identifiers': {
    name: 'Device IDs',
    data: 'device identifiers',
    why: 'Persistent device identifiers let companies track you across apps and sites.',
  },
  children: {
    name: 'Children',
    data: "children's data",
    why: 'Data about children is specially protected by law in most countries.',
  },
  'special-categories': {
    name: 'Special categories',
    data: 'special-category data',
    why: 'Race, religion, politics, sexuality or criminal records can lead to discrimination.',
  },
};

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

export function isSensitiveId(value: unknown): value is SensitiveId {
  return typeof value === 'string' && (SENSITIVE_IDS as readonly string[]).includes(value);
}

/** OPP-115 category names (as in ../shared/data) → our ids, one to one. */
export const OPP115_CATEGORY_TO_ID: Record<string, CategoryId> = {
  'First Party Collection/Use': 'first-party-collection',
  'Third Party Sharing/Collection': 'third-party-sharing',
  'User Choice/Control': 'user-choice',
  'User Access, Edit and Deletion': 'user-access',
  'Data Retention': 'data-retention',
  'Data Security': 'data-security',
  'Policy Change': 'policy-change',
  'Do Not Track': 'do-not-track',
  'International and Specific Audiences': 'specific-audiences',
  Other: 'other',
};
