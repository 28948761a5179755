/**
 * Typed access to extension storage. Settings live in `storage.sync` (they follow the user),
 * policy history in `storage.local` (never synced: it is browsing history), and per-tab analysis
 * state in `storage.session` so it survives the service worker being stopped and restarted.
 */
import { browser } from './browser';
import { validateSettings, type Settings } from '../core/settings';
import { validateHistory, emptyHistory, type SiteHistory } from '../core/history';
import type { TabState } from '../core/messages';

export const SETTINGS_KEY = 'settings';
export const HISTORY_KEY = 'history';
const tabKey = (tabId: number) => `tab:${tabId}`;

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return validateSettings(stored[SETTINGS_KEY]);
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: validateSettings(settings) });
}

let pendingUpdate: Promise<unknown> = Promise.resolve();

/**
 * Read-modify-write of the settings; the change reaches every tab through storage.onChanged.
 * Updates from one page run one after another, so two quick clicks cannot overwrite each other.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const run = pendingUpdate.then(async () => {
    const next = validateSettings(change(await readSettings()));
    await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    return next;
  });
  pendingUpdate = run.catch(() => undefined);
  return run;
}

export async function readHistory(): Promise<SiteHistory> {
  const stored = await browser.storage.local.get(HISTORY_KEY);
  return stored[HISTORY_KEY] === undefined ? emptyHistory() : validateHistory(stored[HISTORY_KEY]);
}

export async function writeHistory(history: SiteHistory): Promise<void> {
  await browser.storage.local.set({ [HISTORY_KEY]: history });
}

export async function readTabState(tabId: number): Promise<TabState | null> {
  const key = tabKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? null;
}

export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: state });
}

export async function removeTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** Every tab with stored state, for refreshing badges after a settings change. */
export async function allTabStates(): Promise<Map<number, TabState>> {
  const stored = await browser.storage.session.get(null);
  const out = new Map<number, TabState>();
  for (const [key, value] of Object.entries(stored)) {
    const id = Number(key.slice(4));
    if (key.startsWith('tab:') && Number.isInteger(id)) out.set(id, value as TabState);
  }
  return out;
}
