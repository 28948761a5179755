/** The overall level and the findings it rests on: never a bare grade. */
import type { PolicyReport, ReportFinding } from '../../core/report';
import { flaggedParagraphCount } from '../../core/flagged';
import { ClauseList } from './ClauseList';

const LEVEL_TEXT = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
  unknown: 'Not enough to judge',
} as const;

function FindingItem({ finding, onJump }: { finding: ReportFinding; onJump(id: string): void }) {
  return (
    <li class={`finding sev-${finding.severity}`}>
      <details>
        <summary>
          <span class="sev" aria-label={`${finding.severity} severity`}>
            {finding.severity}
          </span>{' '}
          {finding.title}
        </summary>
        <p>{finding.detail}</p>
        {finding.paragraphIds.length > 0 && (
          <ClauseList
            quotes={finding.quotes}
            total={finding.paragraphIds.length}
            onJump={onJump}
            limit={4}
          />
        )}
      </details>
    </li>
  );
}

export function RiskSummary({
  report,
  onJump,
}: {
  report: PolicyReport;
  onJump(id: string): void;
}) {
  const level = report.risk.level;
  return (
    <section aria-labelledby="risk-heading" class="card">
      <h2 id="risk-heading" class={`level level-${level}`} data-testid="risk-level">
        {LEVEL_TEXT[level]}
      </h2>
      <p>
        <strong data-testid="flagged-count">{flaggedParagraphCount(report)}</strong> clauses
        highlighted on the page (sharing and sensitive data).
      </p>
      <p class="muted">
        {report.findings.length} concern{report.findings.length === 1 ? '' : 's'} in{' '}
        {report.paragraphCount} paragraphs. Open one to see the clause it rests on.
      </p>
      <ul class="findings" data-testid="findings">
        {report.findings.map((f) => (
          <FindingItem key={f.id} finding={f} onJump={onJump} />
        ))}
      </ul>
      {report.positives.length > 0 && (
        <>
          <h3>In your favour</h3>
          <ul class="findings">
            {report.positives.map((f) => (
              <FindingItem key={f.id} finding={f} onJump={onJump} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
