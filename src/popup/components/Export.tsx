/** Download the analysis as Markdown or JSON; built locally, nothing is uploaded. */
import type { PolicyReport } from '../../core/report';
import { exportBaseName, reportToJson, reportToMarkdown } from '../../core/export';

export function Export(props: {
  report: PolicyReport;
  download(name: string, mime: string, body: string): void;
}) {
  const base = exportBaseName(props.report);
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
