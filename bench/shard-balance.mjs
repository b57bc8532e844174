#!/usr/bin/env node
// npm run bench:shard-balance -- [--articles 2000] [--shards 4,8] [--site full|same] [--seed 42]
//
// How evenly two ways of splitting a site into shards share the rendering: a stable hash of
// each output path (what `build --shard` does) against balanced ranges of the sorted paths
// (each shard an equal count of consecutive paths). Rendering is the part of a shard's time
// that the split decides (every shard loads the whole site). Each page of the plan is
// rendered alone and its CPU time recorded (the second of two passes, after the JIT has
// warmed up); both splits are then scored on those same costs, so machine load affects
// them alike. Prints, per split and shard count, each shard's render seconds and the
// slowest shard against the mean (1.00 = perfectly even; the slowest shard sets the wall time).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config/load-config.js';
import { contentOptionsOf } from '../lib/content/parse-source.js';
import { silentLogger } from '../lib/log.js';
import { startPass } from '../lib/pipeline/build-pass.js';
import { createContentStore } from '../lib/pipeline/content-store.js';
import { createParsePool } from '../lib/pipeline/create-parse-pool.js';
import { shardOfPath } from '../lib/pipeline/shard-slice.js';
import { prepare } from '../lib/pipeline/site-pass.js';
import { createHelperRegistry } from '../lib/render/helper-registry.js';
import { renderRoutes } from '../lib/render/render-routes.js';
import { now, siteArgs, siteModes } from './harness/migrant.mjs';
import { markdownTable } from './harness/stats.mjs';
import { ensureCorpus } from './harness/workspace.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    shards: { type: 'string', default: '4,8' },
    site: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '42' },
  },
});
const articles = Number.parseInt(values.articles, 10);
const counts = values.shards.split(',').map((n) => Number.parseInt(n, 10));
if (!(articles > 0) || counts.some((n) => !(n >= 2)) || !siteModes.includes(values.site)) {
  console.error('usage: npm run bench:shard-balance -- [--articles 2000] [--shards 4,8] [--site full|same] [--seed 42]');
  process.exit(2);
}

const { site } = ensureCorpus(articles, Number.parseInt(values.seed, 10));
const configFile = siteArgs(site, values.site)[1] ?? 'site.config.json';
const { config, root } = await loadConfig(join(site, configFile));
const pool = createParsePool();
const assets = { urls: new Map() };
const ctx = {
  load: { root, config, store: createContentStore(contentOptionsOf(config), pool.parseMany), now: new Date(now), drafts: false, future: false },
  config,
  outDir: join(root, 'dist-balance'),
  logger: silentLogger,
  helpers: createHelperRegistry(config, (name) => assets.urls.get(name)),
  assets,
  deferSearch: true,
};
const pass = startPass(silentLogger);
const p = await prepare(ctx, pass);
await pool.close();
if (!p) throw new Error(`the site did not load: ${pass.diagnostics.map((d) => d.message).join('; ')}`);

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const routes = p.plan.pages;
const cost = new Map();
for (let round = 0; round < 2; round++) {
  for (const route of routes) {
    const before = cpuSeconds();
    renderRoutes([route], p.model.graph, config, p.engine, p.externalFeeds);
    cost.set(route.outputPath, cpuSeconds() - before);
  }
}

const sorted = routes.map((r) => r.outputPath).sort();
const rank = new Map(sorted.map((path, i) => [path, i]));
const splits = {
  'hash of the path': (path, n) => shardOfPath(path, n),
  'ranges of sorted paths': (path, n) => Math.floor((rank.get(path) * n) / sorted.length) + 1,
};
console.log(`\n### Shard balance: ${articles.toLocaleString('en')} articles, \`${values.site}\` site, ${routes.length.toLocaleString('en')} pages, ${cpuSeconds().toFixed(0)} s CPU in all\n`);
const rows = [];
for (const n of counts) {
  for (const [name, shardOf] of Object.entries(splits)) {
    const seconds = new Array(n).fill(0);
    for (const [path, s] of cost) seconds[shardOf(path, n) - 1] += s;
    const mean = seconds.reduce((a, b) => a + b, 0) / n;
    rows.push([n, name, seconds.map((s) => s.toFixed(2)).join(', '), (Math.max(...seconds) / mean).toFixed(2)]);
  }
}
console.log(markdownTable(['shards', 'split', 'render CPU per shard (s)', 'slowest / mean'], rows));
