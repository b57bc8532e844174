// Turns file events into batches for the serve loop. An editor's save is
// several events (write, chmod, or unlink + add), and some editors and
// formatters save one file again and again within a second: each wave used to
// start a rebuild (4–19 per save). So the quiet time is per path: a path that
// changed again shortly after it was last reported waits longer before the
// next batch, and one save costs one or two rebuilds.

export interface BatchTiming {
  /** Quiet time before a batch, for paths that have not just changed. */
  quietMs: number;
  /** Quiet time for a path changing again within this long after it was reported: it is being saved repeatedly. */
  repeatQuietMs: number;
}

export const defaultBatchTiming: BatchTiming = { quietMs: 30, repeatQuietMs: 300 };

export function createChangeBatcher(onBatch: (paths: Set<string>) => void, timing: BatchTiming = defaultBatchTiming) {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let deadline = 0;
  const lastReported = new Map<string, number>();

  const flush = () => {
    timer = undefined;
    deadline = 0;
    const batch = pending;
    pending = new Set();
    const now = Date.now();
    // Forget old entries so the map stays small across a long session.
    for (const [p, t] of lastReported) if (now - t >= timing.repeatQuietMs) lastReported.delete(p);
    for (const path of batch) lastReported.set(path, now);
    if (batch.size > 0) onBatch(batch);
  };

  return {
    add(path: string): void {
      const now = Date.now();
      const repeated = now - (lastReported.get(path) ?? -Infinity) < timing.repeatQuietMs;
      // While a path keeps changing it stays "repeated", so the wave ends in one batch.
      if (repeated) lastReported.set(path, now);
      pending.add(path);
      const due = now + (repeated ? timing.repeatQuietMs : timing.quietMs);
      if (due <= deadline && timer) return;
      deadline = Math.max(deadline, due);
      clearTimeout(timer);
      timer = setTimeout(flush, deadline - now);
    },
    close(): void {
      clearTimeout(timer);
    },
  };
}
