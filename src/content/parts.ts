/**
 * How a page's paragraphs are split into the parts it asks labels for. Parts go out while
 * segmentation is still running and the rest right after it, so the background worker (another
 * process) labels paragraphs while the page segments, and labels part k + 1 while the page
 * highlights part k: a long policy costs about its segmentation and its highlighting, instead of
 * their sum with the whole page's classification and one big round trip.
 */

/** Paragraphs in the first part: small, so that highlighting can start early. */
export const FIRST_PART = 40;

/**
 * Each part is half as large again as the one before: few messages for a long page, yet under
 * load the worker, which labels a paragraph about as fast as the page highlights one, stays ahead.
 */
export const nextPartSize = (size: number): number => Math.round(size * 1.5);

/**
 * [start, end) ranges of `count` paragraphs cut into parts, the first of size `first`, then
 * growing. A tail smaller than the first part rides with the part before it.
 */
export function partRanges(count: number, first = FIRST_PART): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0, size = first; start < count; start += size, size = nextPartSize(size)) {
    const end = count - (start + size) < FIRST_PART ? count : start + size;
    out.push([start, end]);
    if (end === count) break;
  }
  return out;
}

/** The longest prefix of `items` whose summed cost stays within `budget`. */
export function withinBudget<T>(
  items: readonly T[],
  costOf: (item: T) => number,
  budget: number,
): T[] {
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += costOf(items[i]!);
    if (total > budget) return items.slice(0, i);
  }
  return [...items];
}

/**
 * Cuts a growing list into parts as it grows (`found`), then the rest once it is complete
 * (`finish`), never sending more than the budget allows in total.
 */
export class PartPlanner<T> {
  private sent = 0;
  private size = FIRST_PART;
  private spent = 0;
  private full = false;

  constructor(
    private readonly costOf: (item: T) => number,
    private readonly budget: number,
    private readonly send: (part: T[]) => void,
  ) {}

  /** The list so far, one item longer than at the previous call. */
  found(list: readonly T[]): void {
    if (this.full) return;
    this.spent += this.costOf(list[list.length - 1]!);
    if (this.spent > this.budget) this.full = true;
    else if (list.length - this.sent >= this.size) this.cut(list, this.sent + this.size);
  }

  /** The whole list: sends what is left within the budget and returns the items sent in all. */
  finish(list: readonly T[]): T[] {
    const within = withinBudget(list, this.costOf, this.budget);
    for (const [start, end] of partRanges(within.length - this.sent, this.size)) {
      this.cut(within, this.sent + end - start);
    }
    return within;
  }

  private cut(list: readonly T[], end: number): void {
    this.send(list.slice(this.sent, end));
    this.sent = end;
    this.size = nextPartSize(this.size);
  }
}
