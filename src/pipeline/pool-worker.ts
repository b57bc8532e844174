// The module every worker thread loads: each task names the function it runs.
export { default as parseBatch } from './parse-worker.js';
export { renderBatch } from './render-worker.js';
