/**
 * The content script's side of the typed protocol in core/messages: everything it asks of the
 * background, and the settings it reads. Kept apart so the controller stays testable.
 */
import { browser } from '../platform/browser';
import type { AnalyseRequest, PageLabels, ParagraphPayload } from '../core/messages';
import { isClassifyResponse } from '../core/messages';
import { readSettings } from '../platform/storage';

export const loadSettings = readSettings;

/** Labels for some of the page's paragraphs, checked: one well-formed analysis per paragraph. */
export async function classify(paragraphs: ParagraphPayload[]): Promise<PageLabels[]> {
  const response: unknown = await browser.runtime.sendMessage({
    type: 'page/classify',
    paragraphs,
  });
  if (!isClassifyResponse(response, paragraphs.length)) {
    throw new Error('Fineprint: malformed analysis from the background');
  }
  return response.analyses;
}

/** The whole page, once labelled, for the popup's summary, the badge and change tracking. */
export async function summarise(request: AnalyseRequest): Promise<void> {
  await browser.runtime.sendMessage({ type: 'page/summarise', ...request });
}

export async function reportCleared(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'page/cleared' });
  } catch {
    // The background may be restarting; the tab state is rebuilt on the next analysis anyway.
  }
}
