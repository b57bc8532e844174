#!/usr/bin/env node
// node bench/render-startup.mjs [--articles 300] [--runs 3] [--seed 42]
// What the render-thread threshold (minPagesForWorkers in src/pipeline/render-workers.ts)
// rests on: a fresh thread's first batch of 64 pages (loading the render code, compiling
// the templates, then rendering) against the median of its next six batches. Start-up =
// first − warm batch; two threads beat the main thread from about 2 × start-up / per-page
// time pages, when the machine has a core free for each.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { ensureCorpus, repoRoot } from './harness/workspace.mjs';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '300' }, runs: { type: 'string', default: '3' }, seed: { type: 'string', default: '42' } } });
const lib = (path) => import(pathToFileURL(join(repoRoot, 'lib', path)).href);
const [{ loadConfig }, { silentLogger }, { createSiteBuilder }, { createPageProjector }, { loadTemplates }, { pageContext, sharedContext }, { planRoutes }] = await Promise.all(
  ['config/load-config.js', 'log.js', 'pipeline/create-site-builder.js', 'pipeline/page-data.js', 'render/load-templates.js', 'render/render-routes.js', 'routes/plan-routes.js'].map(lib),
);

const { site: root } = ensureCorpus(Number(values.articles), Number(values.seed));
const { config } = await loadConfig(join(root, 'site.config.json'));
const { graph } = await createSiteBuilder({ root, config, now: new Date('2026-11-28T00:00:00Z'), logger: silentLogger }).loadGraph();
const shared = sharedContext(graph, config);
const routes = planRoutes(graph, config, []).pages;
const setup = { key: 'bench', templates: await loadTemplates(root), config, assets: [['css/site.css', '/a.css'], ['js/site.js', '/a.js'], ['js/search.js', '/s.js']] };
const batch = (i) => {
  const project = createPageProjector();
  return { setup, pages: routes.slice(i * 64, i * 64 + 64).map((r) => ({ route: { layout: r.layout, origin: r.origin }, context: project(pageContext(r, shared)) })) };
};
if (routes.length < 8 * 64) throw new Error('needs at least 512 pages: use more --articles');

console.log('| run | first batch (ms) | warm batch (ms) | per page (ms) | start-up (ms) | break-even (pages) |\n| --- | --- | --- | --- | --- | --- |');
for (let run = 1; run <= Number(values.runs); run++) {
  const pool = new Piscina({ filename: pathToFileURL(join(repoRoot, 'lib', 'pipeline', 'pool-worker.js')).href, minThreads: 0, maxThreads: 1 });
  const timed = async (i) => {
    const task = batch(i);
    const t = performance.now();
    await pool.run(task, { name: 'renderBatch' });
    return performance.now() - t;
  };
  const first = await timed(1);
  const warm = [];
  for (let i = 2; i < 8; i++) warm.push(await timed(i));
  await pool.destroy();
  warm.sort((a, b) => a - b);
  const typical = (warm[2] + warm[3]) / 2;
  const startup = first - typical;
  console.log(`| ${run} | ${first.toFixed(0)} | ${typical.toFixed(0)} | ${(typical / 64).toFixed(2)} | ${startup.toFixed(0)} | ${Math.round((2 * startup) / (typical / 64))} |`);
}
