/** Quoted clauses, each with a button that scrolls the page to it and flashes it. */
import type { Quote } from '../../core/report';

export interface ClauseListProps {
  quotes: Quote[];
  onJump(paragraphId: string): void;
  /** At most this many are shown; the rest are counted. */
  limit?: number;
  /** How many clauses there are in all, when `quotes` holds only some of them. */
  total?: number;
}

export function ClauseList({ quotes, onJump, limit = 8, total = quotes.length }: ClauseListProps) {
  if (quotes.length === 0) return <p class="muted">No clause found in this policy.</p>;
  const shown = quotes.slice(0, limit);
  return (
    <ul class="clauses">
      {shown.map((q) => (
        <li key={q.paragraphId}>
          <blockquote>{q.text}</blockquote>
          <button type="button" class="link" onClick={() => onJump(q.paragraphId)}>
            Jump to clause
          </button>
        </li>
      ))}
      {total > shown.length && <li class="muted">and {total - shown.length} more on the page</li>}
    </ul>
  );
}
