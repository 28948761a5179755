/**
 * Background entry (a service worker in Chromium, an event page in Firefox). Listeners are added
 * synchronously at the top level so the browser can wake the worker for any of them; all state
 * lives in extension storage, never in module variables that a restart would lose.
 */
import { browser, type Runtime } from '../platform/browser';
import { isSiteEnabled, validateSettings } from '../core/settings';
import {
  allTabStates,
  HISTORY_KEY,
  removeTabState,
  SETTINGS_KEY,
  writeTabState,
} from '../platform/storage';
import { handleMessage } from './router';
import { analyseTab, isOurMenu, registerMenus } from './menus';
import { showBadge } from './badge';
import { forgetTab, historyChanged, settingsChanged } from './analyse-page';

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
  handleMessage(raw, sender),
);

// No tab is opened on install or update: the extension explains itself in its popup.
browser.runtime.onInstalled.addListener(() => registerMenus());

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (isOurMenu(info.menuItemId)) void analyseTab(tab);
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'analyze-page') void analyseTab(tab);
});

browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  void removeTabState(tabId);
});

// A per-site switch or the global pause changes what each tab's badge should say.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[HISTORY_KEY]) historyChanged();
  const change = changes[SETTINGS_KEY];
  if (area !== 'sync' || !change) return;
  settingsChanged();
  const settings = validateSettings(change.newValue);
  void allTabStates().then(async (states) => {
    for (const [tabId, state] of states) {
      const host = hostnameOf(state.url);
      if (host === null) continue;
      const enabled = isSiteEnabled(settings, host);
      if (!enabled && state.status === 'policy') {
        const next = { ...state, status: 'disabled' as const };
        await writeTabState(tabId, next);
        await showBadge(tabId, next);
      }
    }
  });
});
