/** An in-memory PopupConnector for component tests: records what the popup asked for. */
import { vi } from 'vitest';
import type { PopupConnector } from '../../../src/popup/connector';
import type { ContentStatusReply, TabState } from '../../../src/core/messages';
import { defaultSettings, type Settings } from '../../../src/core/settings';
import { buildReport } from '../../../src/core/report';
import { CATEGORY_IDS, type CategoryId, type SensitiveId } from '../../../src/core/taxonomy';

export function paragraph(
  id: string,
  text: string,
  categories: CategoryId[],
  sensitive: SensitiveId[] = [],
) {
  const scores = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, categories.includes(c) ? 0.9 : 0.05]),
  );
  return {
    id,
    text,
    isHeading: false,
    categories,
    scores: scores as Record<CategoryId, number>,
    sensitive,
    spans: [],
  };
}

export function policyState(): TabState {
  const paragraphs = [
    paragraph(
      'p1',
      'We collect your precise GPS location and IMEI.',
      ['first-party-collection'],
      ['location', 'device-identifiers'],
    ),
    paragraph('p2', 'We share your data with advertising partners such as AppsFlyer.', [
      'third-party-sharing',
    ]),
    paragraph('p3', 'You may delete your account at any time.', ['user-access']),
    paragraph('p4', 'We keep data for 30 days.', ['data-retention']),
  ];
  const report = buildReport({
    url: 'https://example.com/privacy',
    title: 'Privacy',
    analysedAt: '2026-11-01T10:00:00.000Z',
    paragraphs,
    thirdParties: [{ name: 'AppsFlyer', kind: 'advertising', paragraphIds: ['p2'] }],
  });
  return {
    url: report.url,
    title: report.title,
    status: 'policy',
    report,
    changes: null,
    quotes: paragraphs.map((p) => ({ paragraphId: p.id, text: p.text })),
  };
}

export function fakeConnector(
  options: { state?: TabState | null; content?: ContentStatusReply | null } = {},
) {
  let settings: Settings = defaultSettings();
  const connector = {
    tabId: vi.fn(async () => 7),
    tabState: vi.fn(async () => options.state ?? null),
    contentStatus: vi.fn(async () =>
      options.content === undefined
        ? { status: 'policy' as const, detection: null, url: 'https://example.com/privacy' }
        : options.content,
    ),
    analyseAnyway: vi.fn(async () => undefined),
    jumpTo: vi.fn(async () => true),
    findPolicyLink: vi.fn(async () => 'https://example.com/privacy'),
    openTab: vi.fn(async () => undefined),
    readSettings: vi.fn(async () => settings),
    updateSettings: vi.fn(async (change: (s: Settings) => Settings) => {
      settings = change(settings);
      return settings;
    }),
    clearHistory: vi.fn(async () => undefined),
    download: vi.fn(),
    openOptions: vi.fn(async () => undefined),
  } satisfies PopupConnector;
  return { connector, settings: () => settings };
}
