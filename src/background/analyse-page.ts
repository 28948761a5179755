/**
 * Handles one page analysis request from a content script: classify, summarise, compare with the
 * last visit, remember per tab, and update the badge.
 */
import type { AnalyseRequest, AnalyseResponse, TabState } from '../core/messages';
import { buildReport, quoteText, type AnalysedParagraph } from '../core/report';
import { extractThirdParties } from '../core/third-parties';
import { fingerprintPolicy } from '../core/fingerprint';
import { historyKey, recordAnalysis } from '../core/history';
import { thresholdOffset } from '../core/settings';
import { readHistory, readSettings, writeHistory, writeTabState } from '../platform/storage';
import { classify } from './model';
import { showBadge } from './badge';

export async function analysePage(
  tabId: number,
  request: AnalyseRequest,
): Promise<AnalyseResponse> {
  const settings = await readSettings();
  const analyses = classify(request.paragraphs, thresholdOffset(settings));
  const paragraphs: AnalysedParagraph[] = request.paragraphs.map((p, i) => ({
    id: p.id,
    text: p.text,
    isHeading: p.isHeading,
    heading: p.heading,
    ...analyses[i]!,
  }));
  const analysedAt = new Date().toISOString();
  const body = paragraphs.filter((p) => !p.isHeading);
  const report = buildReport({
    url: request.url,
    title: request.title,
    analysedAt,
    paragraphs,
    thirdParties: extractThirdParties(body),
  });

  let changes: TabState['changes'] = null;
  const newParagraphIds: string[] = [];
  const key = historyKey(request.url);
  if (settings.trackChanges && key) {
    const fingerprint = fingerprintPolicy(body, analysedAt, {
      storeFullText: settings.storeFullText,
    });
    const { history, diff } = recordAnalysis(await readHistory(), key, fingerprint);
    await writeHistory(history);
    if (diff?.changed) {
      changes = diff;
      for (const index of [...diff.added, ...diff.modified]) {
        const id = body[index]?.id;
        if (id) newParagraphIds.push(id);
      }
    }
  }

  const state: TabState = {
    url: request.url,
    title: request.title,
    status: 'policy',
    forced: request.forced,
    detection: request.detection,
    report,
    changes,
    newParagraphIds,
    // Every clause the popup can list, quoted once here so the popup needs no page access.
    quotes: body
      .filter((p) => p.categories.length > 0 || p.sensitive.length > 0)
      .map((p) => ({ paragraphId: p.id, text: quoteText(p.text) })),
  };
  await writeTabState(tabId, state);
  await showBadge(tabId, state);
  return { analyses, newParagraphIds };
}
