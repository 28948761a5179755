import { beforeEach, describe, expect, it, vi } from 'vitest';

// The WebExtension API is the one thing faked here: these tests check what the background asks
// of the browser when the user picks "Analyze this page" from the menu or the keyboard command.
const calls = vi.hoisted(() => ({ created: [] as unknown[], sent: [] as unknown[][] }));
vi.mock('webextension-polyfill', () => ({
  default: {
    contextMenus: {
      removeAll: async () => undefined,
      create: (item: unknown) => calls.created.push(item),
    },
    tabs: {
      sendMessage: async (tabId: number, message: unknown) => {
        calls.sent.push([tabId, message]);
        if (tabId === 13)
          throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
  },
}));

const { analyseTab, isOurMenu, registerMenus } = await import('../../../src/background/menus');

beforeEach(() => {
  calls.created.length = 0;
  calls.sent.length = 0;
});

describe('context menu and keyboard command', () => {
  it('registers one page menu item limited to pages the content script can read', async () => {
    registerMenus();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.created).toEqual([
      expect.objectContaining({
        id: 'fineprint-analyse',
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*', 'file:///*'],
      }),
    ]);
    expect(isOurMenu('fineprint-analyse')).toBe(true);
    expect(isOurMenu('something-else')).toBe(false);
  });

  it('asks the tab to analyse itself, and shrugs off tabs without a content script', async () => {
    await analyseTab({ id: 12 } as never);
    await analyseTab({ id: 13 } as never);
    await analyseTab(undefined);
    expect(calls.sent).toEqual([
      [12, { type: 'content/analyse-anyway' }],
      [13, { type: 'content/analyse-anyway' }],
    ]);
  });
});
