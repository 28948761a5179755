/**
 * Everything the popup asks of the browser, behind one interface (STYLE.md item 7), so the
 * components can be tested against a fake and never touch the extension API themselves.
 */
import type { TabState, ContentStatusReply } from '../core/messages';
import type { Settings } from '../core/settings';

export interface PopupConnector {
  /** The tab the popup is about. */
  tabId(): Promise<number | null>;
  /** What the background knows about the tab (analysed policies only). */
  tabState(tabId: number): Promise<TabState | null>;
  /** What the content script says; null when the page cannot run it (browser pages). */
  contentStatus(tabId: number): Promise<ContentStatusReply | null>;
  analyseAnyway(tabId: number): Promise<void>;
  jumpTo(tabId: number, paragraphId: string): Promise<boolean>;
  findPolicyLink(tabId: number): Promise<string | null>;
  openTab(url: string): Promise<void>;
  readSettings(): Promise<Settings>;
  updateSettings(change: (current: Settings) => Settings): Promise<Settings>;
  clearHistory(): Promise<void>;
  download(filename: string, mime: string, content: string): void;
  openOptions(): Promise<void>;
}
