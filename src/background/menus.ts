/** "Analyze this page anyway" from the page's context menu and the keyboard command. */
import { browser, type Tabs } from '../platform/browser';

const MENU_ID = 'fineprint-analyse';

export function registerMenus(): void {
  browser.contextMenus.removeAll().then(
    () =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: 'Analyze this page with Fineprint',
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*', 'file:///*'],
      }),
    () => undefined,
  );
}

export async function analyseTab(tab: Tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  try {
    await browser.tabs.sendMessage(tab.id, { type: 'content/analyse-anyway' });
  } catch {
    // No content script on this tab (browser pages, the web store): nothing to analyse.
  }
}

export function isOurMenu(menuItemId: string | number): boolean {
  return menuItemId === MENU_ID;
}
