import type { ParsedSource } from '../content/parse-source.js';
import type { ParseBatch } from './parse-worker.js';
import type { RenderBatch, RenderBatchResult } from './render-worker.js';

// The module every worker thread loads: each task names the function it runs.
// Each stage's code loads on its first task, so a thread that only renders
// never loads the markdown pipeline, and one that only parses never loads Handlebars.

export async function parseBatch(batch: ParseBatch): Promise<ParsedSource[]> {
  return (await import('./parse-worker.js')).default(batch);
}

export async function renderBatch(batch: RenderBatch): Promise<RenderBatchResult> {
  return (await import('./render-worker.js')).renderBatch(batch);
}
