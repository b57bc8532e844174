import type { ParsedSource } from '../content/parse-source.js';
import type { ParseTask } from './create-parse-pool.js';
import { sharedValueOf } from './shared-value.js';
import type { RenderBatchResult } from './render-worker.js';
import type { RenderTask } from './render-workers.js';

// The module every worker thread loads: each task names the function it runs.
// Each stage's code loads on its first task, so a thread that only renders
// never loads the markdown pipeline, and one that only parses never loads Handlebars.

export async function parseBatch({ sources, options }: ParseTask): Promise<ParsedSource[]> {
  return (await import('./parse-worker.js')).default({ sources, options: sharedValueOf(options) });
}

export async function renderBatch({ setup, pages }: RenderTask): Promise<RenderBatchResult> {
  return (await import('./render-worker.js')).renderBatch({ setup: sharedValueOf(setup), pages });
}
