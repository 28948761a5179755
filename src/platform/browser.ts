/**
 * The one door to the WebExtension API. Everything browser-specific goes through this module so
 * webextension-polyfill (now in maintenance, see STYLE.md) can be dropped in one place later.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Storage, Menus } from 'webextension-polyfill';

/** True when the extension was updated or removed under a running content script. */
export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /context invalidated|Extension context/i.test(error.message);
}
