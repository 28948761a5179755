/**
 * Cooperative chunking: long page work runs in slices that yield to the event loop, so no task we
 * add to the page's main thread runs longer than the budget (the page stays responsive).
 */

const SLICE_MS = 8;

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
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
