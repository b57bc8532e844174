import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/** One pool of threads for the heavy stages, markdown and rendering: threads started for one are warm for the next. */
export interface WorkerThreads {
  /** How many threads it runs; 0 when it runs none (one core, or running from the TypeScript sources, with no compiled worker to start). */
  size: number;
  /** Runs one task in a thread: `name` is the function of pool-worker.ts it calls. */
  run<T>(task: unknown, name: 'parseBatch' | 'renderBatch'): Promise<T>;
  close(): Promise<void>;
}

export function createWorkerThreads(threads = availableParallelism()): WorkerThreads {
  let pool: Piscina | undefined;
  const workerUrl = new URL('./pool-worker.js', import.meta.url);
  const size = threads >= 2 && existsSync(fileURLToPath(workerUrl)) ? threads : 0;
  return {
    size,
    run(task, name) {
      // Idle threads stay a while: on a large site the graph and the outputs come between parsing and rendering.
      pool ??= new Piscina({ filename: workerUrl.href, minThreads: 0, maxThreads: threads, idleTimeout: 10_000 });
      return pool.run(task, { name });
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}

/**
 * From how many items (files, pages) a stage sends its work to the threads: the measured break-even, or
 * what an environment variable of the stage asks for: `always` (any size, for tests and measurements) or `never`.
 */
export function minItemsForThreads(mode: string | undefined, breakEven: number): number {
  return mode === 'always' ? 1 : mode === 'never' ? Infinity : breakEven;
}
