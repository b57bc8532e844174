import type { ParseMany } from './content-store.js';
import { createRenderWorkers, type RenderWorkers } from './render-workers.js';
import { parseInProcess } from './parse-in-process.js';
import type { ParseBatch } from './parse-worker.js';
import type { ContentOptions, ParsedSource } from '../content/parse-source.js';
import { shareValue, type SharedValue } from './shared-value.js';
import { createWorkerThreads, minItemsForThreads } from './worker-threads.js';

/** The worker threads of a build or a serve session: markdown, and (through `render`) pages. */
export interface ParsePool {
  parseMany: ParseMany;
  /** How many threads the pool runs (0: none). */
  threads: number;
  render: RenderWorkers;
  close(): Promise<void>;
}

// Below this many files a pool costs more to start than it saves.
const minFilesForWorkers = 200;
/** `always` or `never`, as MIGRANT_SITE_RENDER_WORKERS (render-workers.ts) for pages. */
export const parseWorkersVariable = 'MIGRANT_SITE_PARSE_WORKERS';
const batchSize = 64;

/** A parse task as a thread receives it: the options (with the site's data files) once in shared memory, not copied into every batch. */
export type ParseTask = Omit<ParseBatch, 'options'> & { options: SharedValue<ContentOptions> };

/**
 * Markdown → HTML is the heaviest stage, so large batches are split across
 * worker threads, one per core, in batches rather than one message per file.
 * Results come back in input order, so output does not depend on scheduling.
 */
export function createParsePool(threads?: number, onProgress?: (done: number, total: number) => void, env: NodeJS.ProcessEnv = process.env): ParsePool {
  const workers = createWorkerThreads(threads);
  const minFiles = minItemsForThreads(env[parseWorkersVariable], minFilesForWorkers);
  // The content store passes the same options object until the config or a data file changes.
  let shared: { options: ContentOptions; value: SharedValue<ContentOptions> } | undefined;
  return {
    threads: workers.size,
    async parseMany(sources, options) {
      if (workers.size === 0 || sources.length < minFiles) return parseInProcess(sources, options);
      if (shared?.options !== options) shared = { options, value: shareValue(options) };
      const batches: ParseTask[] = [];
      for (let i = 0; i < sources.length; i += batchSize) batches.push({ sources: sources.slice(i, i + batchSize), options: shared.value });
      let done = 0;
      const results = await Promise.all(
        batches.map(async (batch) => {
          const parsed: ParsedSource[] = await workers.run(batch, 'parseBatch');
          onProgress?.((done += parsed.length), sources.length);
          return parsed;
        }),
      );
      return results.flat();
    },
    render: createRenderWorkers(workers),
    close: () => workers.close(),
  };
}
