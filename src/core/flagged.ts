/**
 * The number the toolbar badge and the popup headline show: clauses highlighted by default, i.e.
 * paragraphs about third-party sharing or that affirm a sensitive data type.
 */
import type { PolicyReport } from './report';

export function flaggedParagraphCount(report: PolicyReport): number {
  const ids = new Set(report.categories['third-party-sharing'].paragraphIds);
  for (const tally of Object.values(report.sensitive)) {
    for (const id of tally.paragraphIds) ids.add(id);
  }
  return ids.size;
}
