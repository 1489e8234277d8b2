/**
 * Runs page work in small slices so the content script never holds the main thread for long:
 * `runInSlices` drives an iterator within idle periods (or short timeouts where idle callbacks
 * are missing), `nextFrame` batches DOM writes into an animation frame. Both stop when the
 * teardown signal aborts.
 */

/** Longest a single slice may run; well under the 50 ms long-task threshold. */
export const SLICE_BUDGET_MS = 8;

type IdleDeadlineLike = { timeRemaining(): number };

function waitForIdle(signal: AbortSignal): Promise<IdleDeadlineLike> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (deadline: IdleDeadlineLike) => {
      signal.removeEventListener('abort', onAbort);
      resolve(deadline);
    };
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(done, { timeout: 500 });
    } else {
      const start = performance.now();
      setTimeout(
        () => done({ timeRemaining: () => Math.max(0, SLICE_BUDGET_MS - (performance.now() - start)) }),
        16,
      );
    }
  });
}

/**
 * Pulls values from `iterator` in idle slices of at most SLICE_BUDGET_MS each, passing every
 * non-undefined value to `consume`. Resolves when the iterator is done or `consume` returns
 * false (the iterator is then closed); rejects on abort. `onSlice` gets each slice's duration.
 */
export async function runInSlices<T>(
  iterator: Iterator<T | undefined>,
  consume: (value: T) => boolean | undefined,
  signal: AbortSignal,
  onSlice?: (ms: number) => void,
): Promise<void> {
  for (;;) {
    const deadline = await waitForIdle(signal);
    const sliceStart = performance.now();
    try {
      const budget = Math.min(SLICE_BUDGET_MS, Math.max(2, deadline.timeRemaining()));
      while (performance.now() - sliceStart < budget) {
        const step = iterator.next();
        if (step.done) return;
        if (step.value !== undefined && consume(step.value) === false) {
          iterator.return?.();
          return;
        }
      }
    } finally {
      onSlice?.(performance.now() - sliceStart);
    }
  }
}

export function nextFrame(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const run = () => (signal.aborted ? reject(signal.reason) : resolve());
    // Hidden tabs get no animation frames; their writes are invisible anyway, so do them now.
    if (document.visibilityState === 'hidden') setTimeout(run, 0);
    else requestAnimationFrame(run);
  });
}

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
