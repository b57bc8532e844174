#!/usr/bin/env node
// npm run bench:render-workers -- [--articles 4000,16000] [--runs 3] [--site same,full] [--seed 42] [--build-arg=--no-cache]
// Cold builds with pages rendered on the main thread and on worker threads, taking turns
// in one run (MIGRANT_SITE_RENDER_WORKERS=never / always; markdown parses on threads in
// both). Prints medians of wall time and render stage, and the ratio threads / main thread.
import { parseArgs } from 'node:util';
import { buildSite, makeCold, siteArgs, siteModes, snapshotCompiled } from './harness/migrant.mjs';
import { machineInfo, printMachine } from './harness/measure.mjs';
import { markdownTable, median, summarize } from './harness/stats.mjs';
import { emptyTrash, ensureCorpus } from './harness/workspace.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000,16000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    site: { type: 'string', default: 'same,full' },
    'build-arg': { type: 'string', multiple: true, default: [] },
  },
});
const sizes = values.articles.split(',').map(Number);
const sites = values.site.split(',');
const runs = Number(values.runs);
if (!sizes.every((n) => n > 0) || !(runs > 0) || !sites.every((s) => siteModes.includes(s))) {
  console.error('usage: npm run bench:render-workers -- [--articles 4000,16000] [--runs 3] [--site same,full]');
  process.exit(2);
}
const modes = { main: 'never', threads: 'always' };

const compiled = snapshotCompiled();
const machine = machineInfo();
const rows = [];
for (const articles of sizes) {
  const { site } = ensureCorpus(articles, Number(values.seed));
  for (const mode of sites) {
    const args = [...siteArgs(site, mode), ...values['build-arg']];
    const builds = { main: [], threads: [] };
    for (let r = 0; r < runs; r++) {
      // Taking turns, the order swapped each round: the machine's speed drifts.
      const order = r % 2 === 0 ? ['main', 'threads'] : ['threads', 'main'];
      for (const which of order) {
        makeCold(site);
        process.env.MIGRANT_SITE_RENDER_WORKERS = modes[which];
        const b = await buildSite(site, args);
        builds[which].push(b);
        console.error(`${articles} ${mode} run ${r + 1}/${runs} ${which}: ${(b.wallMs / 1000).toFixed(2)} s, render ${(b.stages.render / 1000).toFixed(2)} s`);
      }
    }
    makeCold(site);
    const pick = (which, f) => builds[which].map(f);
    const ratio = (f) => (median(pick('threads', f)) / median(pick('main', f))).toFixed(2);
    const wall = (b) => b.wallMs / 1000;
    const render = (b) => b.stages.render / 1000;
    rows.push([
      articles.toLocaleString('en'),
      mode,
      String(builds.main[0].summary.pages),
      summarize(pick('main', wall)),
      summarize(pick('threads', wall)),
      ratio(wall),
      summarize(pick('main', render)),
      summarize(pick('threads', render)),
      ratio(render),
      `${median(pick('main', (b) => b.rssMiB)).toFixed(0)} / ${median(pick('threads', (b) => b.rssMiB)).toFixed(0)}`,
    ]);
  }
}
emptyTrash();
delete process.env.MIGRANT_SITE_RENDER_WORKERS;
console.log(`\n### Render on the main thread vs worker threads: cold builds, ${runs} runs each, taking turns (median, min–max)\n`);
printMachine({ ...machine, 'lib/ compiled': compiled });
console.log('');
console.log(
  markdownTable(
    ['articles', 'site', 'pages', 'wall, main thread (s)', 'wall, threads (s)', 'ratio', 'render, main thread (s)', 'render, threads (s)', 'ratio', 'peak RSS main / threads (MiB)'],
    rows,
  ),
);
