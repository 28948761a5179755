/**
 * Export of one policy analysis as Markdown and JSON (issue 4). Page text is untrusted: a policy
 * could contain Markdown or HTML crafted to turn the export into a phishing document (a link whose
 * text says one thing and whose target is `javascript:`), so every piece of page-derived text is
 * escaped before it is written into Markdown.
 */
import { CATEGORY_IDS, CATEGORY_INFO, SENSITIVE_IDS, SENSITIVE_INFO } from './taxonomy';
import type { PolicyReport, ReportFinding } from './report';

export const EXPORT_SCHEMA_VERSION = 1;

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes text for inline Markdown. `&`, `<`, `>` become entities, so no HTML tag or autolink
 * (`<javascript:...>`) can form; every other ASCII punctuation character that CommonMark or GFM
 * gives a meaning to is backslash-escaped, so no link, image, emphasis, code span, table cell,
 * heading or list can form. Line breaks become spaces so text cannot start a new block. (A bare
 * `https://` URL may still be auto-linked by GFM renderers; it shows its own target, so it cannot
 * mislead.)
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~=:"'$%^]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c);
}

const LEVEL_NAME = { high: 'High', medium: 'Medium', low: 'Low', unknown: 'Not enough to judge' };

function findingMarkdown(f: ReportFinding, n: number): string[] {
  const lines = [`### ${n}. ${f.severity.toUpperCase()}: ${escapeMarkdown(f.title)}`, ''];
  lines.push(escapeMarkdown(f.detail), '');
  for (const q of f.quotes) {
    lines.push(
      `> ${escapeMarkdown(q.text)}`,
      '>',
      `> — paragraph ${escapeMarkdown(q.paragraphId)}`,
      '',
    );
  }
  const more = f.paragraphIds.length - f.quotes.length;
  if (more > 0) lines.push(`and ${more} more clause${more === 1 ? '' : 's'} on the page.`, '');
  return lines;
}

export function reportToMarkdown(report: PolicyReport): string {
  const lines: string[] = [
    `# Privacy policy analysis: ${escapeMarkdown(report.title || 'Untitled page')}`,
    '',
    `- **Page:** ${escapeMarkdown(report.url)}`,
    `- **Analysed:** ${escapeMarkdown(report.analysedAt)}`,
    `- **Risk:** ${LEVEL_NAME[report.risk.level]} (score ${report.risk.score})`,
    `- **Paragraphs analysed:** ${report.paragraphCount}`,
    '',
    '## Why this risk level',
    '',
  ];
  if (report.findings.length === 0) lines.push('No concerns found.', '');
  report.findings.forEach((f, i) => lines.push(...findingMarkdown(f, i + 1)));

  if (report.positives.length > 0) {
    lines.push('## In your favour', '');
    report.positives.forEach((f, i) => lines.push(...findingMarkdown(f, i + 1)));
  }

  lines.push('## Categories', '', '| Category | Paragraphs |', '| --- | ---: |');
  for (const id of CATEGORY_IDS) {
    lines.push(`| ${escapeMarkdown(CATEGORY_INFO[id].name)} | ${report.categories[id].count} |`);
  }
  lines.push(
    '',
    '## Sensitive data',
    '',
    '| Type | Paragraphs | Mentions |',
    '| --- | ---: | ---: |',
  );
  for (const id of SENSITIVE_IDS) {
    const t = report.sensitive[id];
    lines.push(`| ${escapeMarkdown(SENSITIVE_INFO[id].name)} | ${t.count} | ${t.mentions} |`);
  }
  lines.push('', '## Third parties named', '');
  if (report.thirdParties.length === 0) lines.push('None named.');
  for (const t of report.thirdParties) {
    const n = t.paragraphIds.length;
    lines.push(
      `- ${escapeMarkdown(t.name)} (${escapeMarkdown(t.kind)}), ${n} clause${n === 1 ? '' : 's'}`,
    );
  }
  lines.push(
    '',
    '---',
    '',
    'Generated offline by Fineprint. Quotes are shortened to 300 characters.',
  );
  return `${lines.join('\n')}\n`;
}

function findingJson(f: ReportFinding) {
  return {
    id: f.id,
    severity: f.severity,
    label: f.label,
    title: f.title,
    detail: f.detail,
    paragraphIds: [...f.paragraphIds],
    quotes: f.quotes.map((q) => ({ paragraphId: q.paragraphId, text: q.text })),
  };
}

/**
 * JSON with a fixed key order (objects are built field by field, labels in taxonomy order), so
 * two exports of the same analysis are byte-identical and diff cleanly.
 */
export function reportToJson(report: PolicyReport): string {
  const out = {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generator: 'Fineprint',
    url: report.url,
    title: report.title,
    analysedAt: report.analysedAt,
    paragraphCount: report.paragraphCount,
    risk: { level: report.risk.level, score: report.risk.score },
    findings: report.findings.map(findingJson),
    positives: report.positives.map(findingJson),
    categories: CATEGORY_IDS.map((id) => ({
      id,
      name: CATEGORY_INFO[id].name,
      count: report.categories[id].count,
      paragraphIds: [...report.categories[id].paragraphIds],
    })),
    sensitive: SENSITIVE_IDS.map((id) => ({
      id,
      name: SENSITIVE_INFO[id].name,
      count: report.sensitive[id].count,
      mentions: report.sensitive[id].mentions,
      paragraphIds: [...report.sensitive[id].paragraphIds],
    })),
    thirdParties: report.thirdParties.map((t) => ({
      name: t.name,
      kind: t.kind,
      paragraphIds: [...t.paragraphIds],
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A safe file name stem such as `fineprint-example.com-2026-11-23`. */
export function exportBaseName(report: PolicyReport): string {
  let host = 'page';
  try {
    host = new URL(report.url).hostname || host;
  } catch {
    // Keep the generic stem for URLs that do not parse.
  }
  const date = /^\d{4}-\d{2}-\d{2}/.exec(report.analysedAt)?.[0] ?? 'undated';
  return `fineprint-${host}-${date}`.replace(/[^a-zA-Z0-9.-]/g, '_');
}
