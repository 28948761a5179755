import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParagraphPayload, TabState } from '../../../src/core/messages';
import { isClassifyResponse, isTabStateReply } from '../../../src/core/messages';
import { CATEGORY_IDS } from '../../../src/core/taxonomy';

// The WebExtension API is faked (storage in memory, badge calls ignored); the classifier is the
// real shipped model, wrapped only to count how many paragraphs it is asked to label.
const fake = vi.hoisted(() => ({
  sync: {} as Record<string, unknown>,
  local: {} as Record<string, unknown>,
  session: {} as Record<string, unknown>,
  classified: 0,
}));
const area = (store: Record<string, unknown>) => ({
  get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
  set: async (items: Record<string, unknown>) => void Object.assign(store, items),
  remove: async (key: string) => void delete store[key],
});
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { sync: area(fake.sync), local: area(fake.local), session: area(fake.session) },
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
    tabs: { sendMessage: async () => ({ ok: true }) },
  },
}));
vi.mock('../../../src/background/model', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/background/model')>();
  return {
    ...real,
    classify: (paragraphs: Parameters<typeof real.classify>[0], offset: number) => {
      fake.classified += paragraphs.length;
      return real.classify(paragraphs, offset);
    },
  };
});

const { classifyPart, forgetTab, settingsChanged, summarisePage } =
  await import('../../../src/background/analyse-page');
const { SETTINGS_KEY } = await import('../../../src/platform/storage');

const PARAGRAPHS: ParagraphPayload[] = [
  { id: 'p1', text: 'Information we share', isHeading: true },
  {
    id: 'p2',
    text: 'We may share your location data and device ID with our advertising partners.',
    heading: 'Information we share',
    isHeading: false,
  },
  {
    id: 'p3',
    text: 'You can delete your account and all your data at any time from the settings page.',
    heading: 'Information we share',
    isHeading: false,
  },
  {
    id: 'p4',
    text: 'We keep your order history for seven years to meet our tax obligations.',
    isHeading: false,
  },
];

const page = (paragraphs: ParagraphPayload[], recheck = false) => ({
  url: 'https://example.com/privacy',
  title: 'Privacy Policy',
  forced: false,
  detection: { isPolicy: true, score: 0.9, reasons: [] },
  paragraphs,
  recheck,
});

async function tabState(tabId: number): Promise<TabState> {
  const stored = fake.session[`tab:${tabId}`];
  expect(isTabStateReply({ state: stored })).toBe(true);
  return stored as TabState;
}

beforeEach(() => {
  for (const store of [fake.sync, fake.local, fake.session]) {
    for (const key of Object.keys(store)) delete store[key];
  }
  fake.classified = 0;
  settingsChanged();
  forgetTab(7);
});

describe('page analysis in parts', () => {
  it('answers each part with checked labels that carry only their own categories’ scores', async () => {
    const answer = await classifyPart(7, PARAGRAPHS.slice(0, 2));
    expect(isClassifyResponse(answer, 2)).toBe(true);
    const sharing = answer.analyses[1]!;
    expect(sharing.categories).toContain('third-party-sharing');
    expect(sharing.sensitive).toEqual(expect.arrayContaining(['device-identifiers', 'location']));
    expect(Object.keys(sharing.scores).sort()).toEqual([...sharing.categories].sort());
    for (const id of CATEGORY_IDS) {
      if (!sharing.categories.includes(id)) expect(sharing.scores[id]).toBeUndefined();
    }
  });

  it('summarises the whole page from the labels the parts already got, classifying nothing twice', async () => {
    await classifyPart(7, PARAGRAPHS.slice(0, 2));
    await classifyPart(7, PARAGRAPHS.slice(2));
    expect(fake.classified).toBe(4);
    await summarisePage(7, page(PARAGRAPHS));
    expect(fake.classified).toBe(4);
    const state = await tabState(7);
    expect(state.status).toBe('policy');
    expect(state.quotes.map((q) => q.paragraphId)).toEqual(expect.arrayContaining(['p2', 'p3']));
    expect(state.report?.sensitive.location.paragraphIds).toEqual(['p2']);
    expect(state.report?.sensitive['device-identifiers'].paragraphIds).toEqual(['p2']);
  });

  it('classifies again what changed since its part, and everything after a worker restart', async () => {
    await classifyPart(7, PARAGRAPHS);
    const edited = PARAGRAPHS.map((p) =>
      p.id === 'p4' ? { ...p, text: 'We keep your order history for ten years.' } : p,
    );
    await summarisePage(7, page(edited));
    expect(fake.classified).toBe(4 + 1);

    await classifyPart(7, PARAGRAPHS);
    forgetTab(7); // what a stopped and restarted worker starts from
    await summarisePage(7, page(PARAGRAPHS));
    expect(fake.classified).toBe(5 + 4 + 4);
  });

  it('does not reuse labels given under another sensitivity', async () => {
    await classifyPart(7, PARAGRAPHS);
    fake.sync[SETTINGS_KEY] = { ...(fake.sync[SETTINGS_KEY] as object), sensitivity: 'more' };
    settingsChanged();
    await summarisePage(7, page(PARAGRAPHS));
    expect(fake.classified).toBe(4 + 4);
  });
});

describe('rechecks of the same page load', () => {
  it('summarise the revealed text but record no new version of the policy', async () => {
    // Last visit: three paragraphs. This visit: a fourth is new.
    await summarisePage(7, page(PARAGRAPHS.slice(0, 3)));
    await summarisePage(7, page(PARAGRAPHS));
    const first = await tabState(7);
    expect(first.newParagraphIds).toEqual(['p4']);
    const history = JSON.stringify(fake.local);

    // The reader opens a section that the page renders only then: one more paragraph.
    const revealed: ParagraphPayload = {
      id: 'p5',
      text: 'We share your delivery address with the courier that brings your parcel.',
      isHeading: false,
    };
    await summarisePage(7, page([...PARAGRAPHS, revealed], true));
    const state = await tabState(7);
    expect(JSON.stringify(fake.local)).toBe(history);
    expect(state.changes).toEqual(first.changes);
    expect(state.newParagraphIds).toEqual(['p4']);
    expect(state.quotes.map((q) => q.paragraphId)).toContain('p5');
  });
});
