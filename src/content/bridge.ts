/**
 * The content script's side of the typed protocol in core/messages: everything it asks of the
 * background, and the settings it reads. Kept apart so the controller stays testable.
 */
import { browser } from '../platform/browser';
import type { AnalyseRequest, AnalyseResponse } from '../core/messages';
import { isAnalyseResponse } from '../core/messages';
import { readSettings } from '../platform/storage';

export const loadSettings = readSettings;

export async function analyse(request: AnalyseRequest): Promise<AnalyseResponse> {
  const response: unknown = await browser.runtime.sendMessage({ type: 'page/analyse', ...request });
  if (!isAnalyseResponse(response, request.paragraphs.length)) {
    throw new Error('Fineprint: malformed analysis from the background');
  }
  return response;
}

export async function reportCleared(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'page/cleared' });
  } catch {
    // The background may be restarting; the tab state is rebuilt on the next analysis anyway.
  }
}
