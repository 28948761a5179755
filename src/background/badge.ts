/** The toolbar badge: how many clauses need a look on this tab, coloured by the risk level. */
import { browser } from '../platform/browser';
import type { TabState } from '../core/messages';
import { flaggedParagraphCount } from '../core/flagged';

const LEVEL_COLOURS = {
  high: '#B3261E',
  medium: '#B36B00',
  low: '#1E7B34',
  unknown: '#5F6368',
} as const;

export async function showBadge(tabId: number, state: TabState | null): Promise<void> {
  try {
    if (!state || state.status !== 'policy' || !state.report) {
      await browser.action.setBadgeText({ tabId, text: state?.status === 'disabled' ? 'off' : '' });
      await browser.action.setTitle({ tabId, title: 'Fineprint' });
      return;
    }
    const count = flaggedParagraphCount(state.report);
    const level = state.report.risk.level;
    await browser.action.setBadgeText({ tabId, text: count > 999 ? '999+' : String(count) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: LEVEL_COLOURS[level] });
    await browser.action.setTitle({
      tabId,
      title: `Fineprint: ${level} risk — ${count} clause${count === 1 ? '' : 's'} flagged`,
    });
  } catch {
    // The tab was closed while we updated it; nothing to show.
  }
}
