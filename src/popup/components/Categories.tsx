/** Per-category counts and the highlight toggle for each (remembered in storage.sync). */
import { CATEGORY_IDS, CATEGORY_INFO, type CategoryId } from '../../core/taxonomy';
import type { TabState } from '../../core/messages';
import type { PolicyReport } from '../../core/report';
import type { Settings } from '../../core/settings';
import { CATEGORY_COLOURS } from '../../core/palette';
import { ClauseList } from './ClauseList';
import { quotesFor } from './quotes';

export interface CategoriesProps {
  state: TabState;
  report: PolicyReport;
  settings: Settings;
  onToggle(id: CategoryId, on: boolean): void;
  onToggleSensitive(on: boolean): void;
  onJump(id: string): void;
}

export function Categories(props: CategoriesProps) {
  return (
    <section aria-labelledby="categories-heading" class="card">
      <h2 id="categories-heading">What the policy covers</h2>
      <label class="toggle-row">
        <input
          type="checkbox"
          checked={props.settings.showSensitive}
          onChange={(e) => props.onToggleSensitive(e.currentTarget.checked)}
          data-testid="toggle-sensitive"
        />
        <span class="swatch sensitive" aria-hidden="true" />
        Highlight sensitive-data phrases
      </label>
      <ul class="rows" data-testid="categories">
        {CATEGORY_IDS.map((id) => {
          const tally = props.report.categories[id];
          return (
            <li key={id} data-label={id}>
              <div class="category">
                <label class="toggle-row">
                  <input
                    type="checkbox"
                    checked={props.settings.enabledCategories[id]}
                    onChange={(e) => props.onToggle(id, e.currentTarget.checked)}
                    aria-describedby={`count-${id}`}
                    data-testid={`toggle-${id}`}
                  />
                  <span
                    class="swatch"
                    style={{ background: CATEGORY_COLOURS[id] }}
                    aria-hidden="true"
                  />
                  {CATEGORY_INFO[id].name}
                </label>
                <span class="count" id={`count-${id}`} aria-label={`${tally.count} paragraphs`}>
                  {tally.count}
                </span>
              </div>
              {tally.count > 0 && (
                <details class="indent">
                  <summary>Clauses</summary>
                  <ClauseList
                    quotes={quotesFor(props.state, tally.paragraphIds)}
                    onJump={props.onJump}
                  />
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
