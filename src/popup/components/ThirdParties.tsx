/** Companies, SDKs and services the policy names as recipients or collectors of data. */
import type { TabState } from '../../core/messages';
import type { PolicyReport } from '../../core/report';
import { ClauseList } from './ClauseList';
import { quotesFor } from './quotes';

export function ThirdParties(props: {
  state: TabState;
  report: PolicyReport;
  onJump(id: string): void;
}) {
  const parties = props.report.thirdParties;
  return (
    <section aria-labelledby="parties-heading" class="card">
      <h2 id="parties-heading">Third parties named</h2>
      {parties.length === 0 ? (
        <p class="muted">No third party is named.</p>
      ) : (
        <ul class="rows" data-testid="third-parties">
          {parties.map((p) => (
            <li key={p.name}>
              <details>
                <summary>
                  <span class="name">{p.name}</span>
                  <span class="kind">{p.kind}</span>
                </summary>
                <ClauseList
                  quotes={quotesFor(props.state, p.paragraphIds)}
                  onJump={props.onJump}
                  limit={3}
                />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
