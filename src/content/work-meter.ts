/**
 * A running total of the content script's own main-thread work, so its budget (issue 6: under
 * 100 ms on the huge page, no task over 50 ms) can be read without a profiler. The totals live on
 * the content script's global under `Symbol.for('crosscheck.work')`: visible to a test evaluating
 * in the extension's isolated world, never to the page. (`performance.measure` entries would land
 * in the page's own performance timeline, telling it an extension runs and mixing with its data.)
 *
 * Counts only the synchronous stretches wrapped with `measure`; structured cloning of messages,
 * garbage collection and style work the browser does later are outside them, so the sampling
 * profiler remains the judge and this total is a floor.
 */

export interface WorkTotals {
  totalMs: number;
  /** Longest single measured stretch. */
  longestMs: number;
  runs: number;
  byLabel: Record<string, number>;
}

const WORK_KEY = Symbol.for('crosscheck.work');

/** The totals of this content script instance, reset when a new instance starts. */
export function createWorkMeter(global: object = globalThis): {
  totals: WorkTotals;
  measure: <T>(label: string, run: () => T) => T;
  add: (label: string, ms: number) => void;
} {
  const totals: WorkTotals = { totalMs: 0, longestMs: 0, runs: 0, byLabel: {} };
  (global as Record<symbol, unknown>)[WORK_KEY] = totals;
  const add = (label: string, ms: number): void => {
    totals.totalMs += ms;
    totals.runs += 1;
    if (ms > totals.longestMs) totals.longestMs = ms;
    totals.byLabel[label] = (totals.byLabel[label] ?? 0) + ms;
  };
  let depth = 0;
  /** Times `run`; a stretch inside another measured one counts only towards the outer one. */
  const measure = <T>(label: string, run: () => T): T => {
    if (depth > 0) return run();
    depth += 1;
    const start = performance.now();
    try {
      return run();
    } finally {
      depth -= 1;
      add(label, performance.now() - start);
    }
  };
  return { totals, measure, add };
}
