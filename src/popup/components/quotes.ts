/** Quotes for a list of paragraph ids, from the quotes the background kept for the tab. */
import type { Quote } from '../../core/report';
import type { TabState } from '../../core/messages';

export function quotesFor(state: TabState, paragraphIds: readonly string[]): Quote[] {
  const known = new Map<string, string>();
  for (const q of state.quotes) known.set(q.paragraphId, q.text);
  return paragraphIds.map((paragraphId) => ({ paragraphId, text: known.get(paragraphId) ?? '' }));
}
