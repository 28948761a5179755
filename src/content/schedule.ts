/**
 * Cooperative chunking: long page work runs in slices that yield to the event loop, so no task we
 * add to the page's main thread runs longer than the budget (the page stays responsive).
 */

const SLICE_MS = 8;
/**
 * The first slice of a `runInSlices` pass may run longer: segmenting a 10,000-word policy takes
 * about 20 ms, and doing that in one go keeps it fast and unaffected by page scripts in between.
 * Only enormous pages go on in SLICE_MS slices. Still under the 50 ms of a long task.
 */
const FIRST_SLICE_MS = 40;

/**
 * `scheduler.yield()` lets input and rendering in but resumes ahead of the page's own timers, so a
 * long annotation would hold a page's setInterval back until it ends (200–300 ms on the 2 MB test
 * page). At least this often the yield goes behind the timers instead.
 */
const TIMER_TURN_MS = 40;
let lastTimerTurn = -Infinity;

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const now = performance.now();
  if (scheduler?.yield && now - lastTimerTurn < TIMER_TURN_MS) return scheduler.yield();
  lastTimerTurn = now;
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Main-thread cost of a chunked run: total busy time and the longest uninterrupted slice. */
export interface ChunkStats {
  busyMs: number;
  longestSliceMs: number;
}

/**
 * Calls `work` for each item, yielding whenever a slice has run for SLICE_MS. Stops early when the
 * signal aborts (the user switched highlighting off mid-way).
 */
export async function forEachChunked<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  signal?: AbortSignal,
): Promise<ChunkStats> {
  const stats: ChunkStats = { busyMs: 0, longestSliceMs: 0 };
  let sliceStart = performance.now();
  const endSlice = () => {
    const slice = performance.now() - sliceStart;
    stats.busyMs += slice;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, slice);
  };
  for (let i = 0; i < items.length; i++) {
    if (signal?.aborted) break;
    work(items[i]!, i);
    if (performance.now() - sliceStart > SLICE_MS) {
      endSlice();
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  endSlice();
  return stats;
}

/**
 * Runs a generator that pauses (yields) whenever the `pause` it is given returns true, giving the
 * page its main thread back between slices: FIRST_SLICE_MS for the first, SLICE_MS after.
 */
export async function runInSlices<T>(
  steps: (pause: () => boolean) => Generator<void, T, void>,
): Promise<T> {
  let sliceStart = performance.now();
  let budget = FIRST_SLICE_MS;
  const run = steps(() => performance.now() - sliceStart > budget);
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return step.value;
    await yieldToPage();
    sliceStart = performance.now();
    budget = SLICE_MS;
  }
}
