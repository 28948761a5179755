/**
 * Injects the annotator content script into the frame whose detector asked for it. It is not a
 * manifest content script so that pages which are not policies never load it.
 */
import annotatorFile from '../content/annotator.ts?iife';
import { browser } from '../platform/browser';

export async function injectAnnotator(tabId: number, frameId: number): Promise<{ ok: boolean }> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [annotatorFile],
    });
    return { ok: true };
  } catch {
    // The tab navigated away or closed meanwhile.
    return { ok: false };
  }
}
