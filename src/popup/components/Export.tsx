/** Download the analysis as Markdown or JSON; built locally, nothing is uploaded. */
import type { PolicyReport } from '../../core/report';
import { reportToJson, reportToMarkdown } from '../../core/export';

export function Export(props: {
  report: PolicyReport;
  download(name: string, mime: string, body: string): void;
}) {
  const base = `fineprint-${safeName(props.report.url)}`;
  return (
    <div class="actions export">
      <button
        type="button"
        onClick={() =>
          props.download(`${base}.md`, 'text/markdown', reportToMarkdown(props.report))
        }
        data-testid="export-md"
      >
        Export Markdown
      </button>
      <button
        type="button"
        onClick={() =>
          props.download(`${base}.json`, 'application/json', reportToJson(props.report))
        }
        data-testid="export-json"
      >
        Export JSON
      </button>
    </div>
  );
}

function safeName(url: string): string {
  try {
    return new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '_') || 'policy';
  } catch {
    return 'policy';
  }
}
