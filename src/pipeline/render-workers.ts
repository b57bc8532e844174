import { SiteError } from '../diagnostics/diagnostic.js';
import type { RenderBatch, RenderBatchResult, RenderSetup } from './render-worker.js';
import { shareValue, type SharedValue } from './shared-value.js';
import { minItemsForThreads, type WorkerThreads } from './worker-threads.js';

/** Page rendering on worker threads, for render passes large enough to pay for them. */
export interface RenderWorkers {
  /** Whether a pass rendering this many pages should use the threads. */
  wants(pages: number): boolean;
  /** Threads that render: how many batches to keep in flight. */
  threads: number;
  /** The batch's HTML in order; throws SiteError on a template error, with the diagnostics the main thread would give. */
  render(batch: RenderBatch): Promise<string[]>;
}

// Measured (bench/RESULTS.md, 2026-12-01): a thread's start (loading the
// render code, then compiling the templates) costs as much as rendering 170–230
// pages on it, so two threads pay for themselves from about 2 × that; below
// this many pages the main thread renders. Threads now load the main thread's
// compiled templates instead (about 0.2 CPU-s less each start), so the bound
// errs on the side of the main thread.
const minPagesForWorkers = 500;

/**
 * `MIGRANT_SITE_RENDER_WORKERS=always` sends every render pass to the threads
 * whatever its size, `never` keeps rendering on the main thread (for tests and
 * measurements; `--workers 0` turns off the threads of both stages;
 * `MIGRANT_SITE_PARSE_WORKERS` does the same for markdown).
 */
export const renderWorkersVariable = 'MIGRANT_SITE_RENDER_WORKERS';

/** A render task as a thread receives it: the setup (templates, config, words) once in shared memory, not copied into every batch. */
export type RenderTask = Omit<RenderBatch, 'setup'> & { setup: SharedValue<RenderSetup> };

export function createRenderWorkers(workers: WorkerThreads, env: NodeJS.ProcessEnv = process.env): RenderWorkers {
  const minPages = minItemsForThreads(env[renderWorkersVariable], minPagesForWorkers);
  // A render pass sends one setup object with each of its batches.
  let shared: { setup: RenderSetup; value: SharedValue<RenderSetup> } | undefined;
  return {
    wants: (pages) => workers.size > 0 && pages > 0 && pages >= minPages,
    threads: workers.size,
    async render({ setup, pages }) {
      if (shared?.setup !== setup) shared = { setup, value: shareValue(setup) };
      const task: RenderTask = { setup: shared.value, pages };
      const result = await workers.run<RenderBatchResult>(task, 'renderBatch');
      if ('diagnostics' in result) throw new SiteError(result.diagnostics);
      return result.html;
    },
  };
}
