/** Sensitive data types the policy affirms, with counts and the clauses that say so. */
import { SENSITIVE_IDS, SENSITIVE_INFO } from '../../core/taxonomy';
import type { TabState } from '../../core/messages';
import type { PolicyReport } from '../../core/report';
import { ClauseList } from './ClauseList';
import { quotesFor } from './quotes';

export function SensitiveData(props: {
  state: TabState;
  report: PolicyReport;
  onJump(id: string): void;
}) {
  const found = SENSITIVE_IDS.filter((id) => props.report.sensitive[id].count > 0);
  return (
    <section aria-labelledby="sensitive-heading" class="card">
      <h2 id="sensitive-heading">Sensitive data</h2>
      {found.length === 0 ? (
        <p class="muted">No sensitive data types found.</p>
      ) : (
        <ul class="rows" data-testid="sensitive-list">
          {found.map((id) => {
            const tally = props.report.sensitive[id];
            return (
              <li key={id} data-label={id}>
                <details>
                  <summary>
                    <span class="name">{SENSITIVE_INFO[id].name}</span>
                    <span class="count" aria-label={`${tally.count} clauses`}>
                      {tally.count}
                    </span>
                  </summary>
                  <p class="muted">{SENSITIVE_INFO[id].why}</p>
                  <ClauseList
                    quotes={quotesFor(props.state, tally.paragraphIds)}
                    onJump={props.onJump}
                  />
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
