/**
 * Runs rebuilds one at a time: changes that arrive during a build are merged
 * into exactly one follow-up build, however many there are.
 */
export function createServeLoop(rebuild: (changed: Set<string>) => Promise<void>) {
  let running: Promise<void> | undefined;
  let queued: Set<string> | undefined;

  const run = async (changed: Set<string>): Promise<void> => {
    try {
      await rebuild(changed);
    } finally {
      const next = queued;
      queued = undefined;
      running = next ? run(next) : undefined;
    }
  };

  return {
    push(changed: Set<string>): void {
      if (running) {
        queued ??= new Set();
        for (const path of changed) queued.add(path);
        return;
      }
      running = run(changed);
    },
    /** Resolves when no build is running or queued. */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
