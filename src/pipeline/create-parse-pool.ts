import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ParseMany } from './content-store.js';
import { parseInProcess } from './parse-in-process.js';
import type { ParseBatch } from './parse-worker.js';
import type { ParsedSource } from '../content/parse-source.js';

export interface ParsePool {
  parseMany: ParseMany;
  close(): Promise<void>;
}

// Below this many files a pool costs more to start than it saves.
const minFilesForWorkers = 200;
const batchSize = 64;

/**
 * Markdown → HTML is the heaviest stage, so large batches are split across
 * worker threads, one per core, in batches rather than one message per file.
 * Results come back in input order, so output does not depend on scheduling.
 */
export function createParsePool(threads = availableParallelism(), onProgress?: (done: number, total: number) => void): ParsePool {
  let pool: Piscina | undefined;
  const workerUrl = new URL('./parse-worker.js', import.meta.url);
  // Running from the TypeScript sources (tests), there is no compiled worker to start.
  const canUseWorkers = threads >= 2 && existsSync(fileURLToPath(workerUrl));
  return {
    async parseMany(sources, options) {
      if (!canUseWorkers || sources.length < minFilesForWorkers) return parseInProcess(sources, options);
      pool ??= new Piscina({ filename: workerUrl.href, minThreads: 0, maxThreads: threads, idleTimeout: 2_000 });
      const batches: ParseBatch[] = [];
      for (let i = 0; i < sources.length; i += batchSize) batches.push({ sources: sources.slice(i, i + batchSize), options });
      let done = 0;
      const results = await Promise.all(
        batches.map(async (batch) => {
          const parsed: ParsedSource[] = await pool!.run(batch);
          onProgress?.((done += parsed.length), sources.length);
          return parsed;
        }),
      );
      return results.flat();
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
