#!/usr/bin/env node
// npm run bench -- --articles 4000 [--runs 5] [--site same|full] [--seed 42] [--keep] [--build-arg=--workers=0]
// Cold and warm builds of a generated site, each in a fresh process; prints per-stage
// medians (with min–max), process wall time, pages per second and peak RSS as markdown.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, makeCold, siteArgs, siteModes, snapshotCompiled } from './harness/migrant.mjs';
import { machineInfo, printMachine } from './harness/measure.mjs';
import { markdownTable, median, summarize } from './harness/stats.mjs';
import { emptyTrash, ensureCorpus } from './harness/workspace.mjs';

const usage = 'usage: npm run bench -- --articles 4000 [--runs 5] [--site same|full] [--seed 42] [--keep] [--build-arg=--workers=0 …]';
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    site: { type: 'string', default: 'same' },
    keep: { type: 'boolean', default: false },
    'build-arg': { type: 'string', multiple: true, default: [] },
  },
});
const articles = Number.parseInt(values.articles, 10);
const runs = Number.parseInt(values.runs, 10);
const seed = Number.parseInt(values.seed, 10);
if (!(articles > 0) || !(runs > 0) || !(seed >= 0) || !siteModes.includes(values.site)) {
  console.error(usage);
  process.exit(2);
}

const compiled = snapshotCompiled();
const machine = machineInfo();
const { site, reused } = ensureCorpus(articles, seed);
console.error(`${reused ? 'reusing' : 'generated'} ${articles} articles in ${site}`);
const extraArgs = [...siteArgs(site, values.site), ...values['build-arg']];

const cold = [];
const warm = [];
for (let r = 0; r < runs; r++) {
  makeCold(site);
  cold.push(await buildSite(site, extraArgs));
  // Warm: the same build again, nothing changed, previous output and cache in place.
  warm.push(await buildSite(site, extraArgs));
  const [c, w] = [cold.at(-1), warm.at(-1)];
  console.error(`run ${r + 1}/${runs}: cold ${(c.wallMs / 1000).toFixed(2)} s, warm ${(w.wallMs / 1000).toFixed(2)} s`);
}
if (!values.keep) makeCold(site);
emptyTrash();

const first = cold[0].summary;
console.log(`\n### migrant-site: ${articles.toLocaleString('en')} articles, \`${values.site}\` site, ${runs} runs (median, min–max)\n`);
printMachine({ ...machine, 'lib/ compiled': compiled, 'build command': `migrant-site build --now 2026-11-28T00:00:00Z --verbose ${extraArgs.join(' ')}`.trim() });
console.log(`- site: ${first.posts} posts → ${first.pages} pages; ${first.warnings} warnings`);
console.log(`- content cache (.cache/) after a cold build: ${cold.some((c) => c.cache) ? 'yes (deleted before each cold build)' : 'none'}\n`);

const stageNames = [...new Set([...cold, ...warm].flatMap((b) => Object.keys(b.stages)))];
const col = (builds, pick, digits) => summarize(builds.map(pick), digits);
const rows = [
  ...stageNames.map((s) => [`${s} (ms)`, col(cold, (b) => b.stages[s], 0), col(warm, (b) => b.stages[s], 0)]),
  ['build, as reported (ms)', col(cold, (b) => b.summary.ms, 0), col(warm, (b) => b.summary.ms, 0)],
  ['process wall (s)', col(cold, (b) => b.wallMs / 1000), col(warm, (b) => b.wallMs / 1000)],
  ['pages / s (of wall time)', col(cold, (b) => b.summary.pages / (b.wallMs / 1000), 0), col(warm, (b) => b.summary.pages / (b.wallMs / 1000), 0)],
  ['peak RSS (MiB)', col(cold, (b) => b.rssMiB, 0), col(warm, (b) => b.rssMiB, 0)],
  ['files written (changed)', String(median(cold.map((b) => b.summary.changed))), String(median(warm.map((b) => b.summary.changed)))],
];
console.log(markdownTable(['', 'cold', 'warm'], rows));
if (values.keep) console.log(`\nkept the site and its last output: ${join(site, 'dist')}`);
