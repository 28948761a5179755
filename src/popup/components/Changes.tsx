/** "Changed since <date>": what differs from the version of this policy seen last time. */
import type { PolicyDiff } from '../../core/fingerprint';

export function Changes(props: { changes: PolicyDiff; onClearHistory(): void }) {
  const { changes } = props;
  const since = new Date(changes.since);
  const when = Number.isNaN(since.getTime()) ? changes.since : since.toLocaleDateString();
  return (
    <section class="card changes" aria-labelledby="changes-heading" data-testid="changes">
      <h2 id="changes-heading">Changed since {when}</h2>
      <p>
        {changes.added.length} added, {changes.modified.length} changed, {changes.removed.length}{' '}
        removed paragraph{changes.removed.length === 1 ? '' : 's'}. New and changed clauses are
        outlined on the page.
      </p>
      <button type="button" class="link" onClick={props.onClearHistory}>
        Clear policy history
      </button>
    </section>
  );
}
