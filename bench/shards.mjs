#!/usr/bin/env node
// npm run bench:shards -- --articles 25000 --shards 8 [--only 1] [--project 200000] [--site full|same] [--seed 42] [--warm] [--no-single] [--no-merge]
//
// Sharded builds of a generated site, and a linear projection to a larger archive. Each run is
// a fresh process, as a CI job is:
//   single   `build` of the whole site, cold (no .cache/, no output): one machine
//   shard    `build --shard k/n` for each k in --only, cold (the content cache is removed first
//            unless --warm: a CI job that restores .cache/ from an earlier run is the warm case)
//   merge    `merge` of the whole site's pages (`build --shard 1/1` first, not timed): copying
//            every file and making the search index cost the same whatever n is
// The projection multiplies each wall time by project / articles: every shard loads the whole
// site (scan, parse, graph, outputs: linear in the archive) and renders 1/n of it (linear in
// the archive for a fixed n); merge copies and indexes every page. bench/RESULTS.md checks the
// linearity against a second size.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cli, makeCold, now, siteArgs, siteModes, snapshotCompiled } from './harness/migrant.mjs';
import { machineInfo, measure, printMachine } from './harness/measure.mjs';
import { markdownTable } from './harness/stats.mjs';
import { discard, emptyTrash, ensureCorpus } from './harness/workspace.mjs';

const usage = 'usage: npm run bench:shards -- --articles 25000 --shards 8 [--only 1,2] [--project 200000] [--site full|same] [--seed 42] [--warm] [--no-single] [--no-merge]';
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '25000' },
    shards: { type: 'string', default: '8' },
    only: { type: 'string', default: '1' },
    project: { type: 'string', default: '200000' },
    site: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '42' },
    warm: { type: 'boolean', default: false },
    'no-single': { type: 'boolean', default: false },
    'no-merge': { type: 'boolean', default: false },
  },
});
const [articles, count, project, seed] = [values.articles, values.shards, values.project, values.seed].map((v) => Number.parseInt(v, 10));
const only = values.only.split(',').map((k) => Number.parseInt(k, 10));
if (!(articles > 0) || !(count > 0) || !(project > 0) || !(seed >= 0) || only.some((k) => !(k >= 1 && k <= count)) || !siteModes.includes(values.site)) {
  console.error(usage);
  process.exit(2);
}

const compiled = snapshotCompiled();
const machine = machineInfo();
const { site, reused } = ensureCorpus(articles, seed);
console.error(`${reused ? 'reusing' : 'generated'} ${articles} articles in ${site}`);
const config = siteArgs(site, values.site);

/** One CLI run in a fresh process; stage lines as `build --verbose` prints them. */
async function run(label, args) {
  const r = await measure(process.execPath, [cli, ...args, ...config], { cwd: site });
  const stages = Object.fromEntries([...r.stdout.matchAll(/^\s+(\w+)\s+([\d.]+) ms$/gm)].map((m) => [m[1], Number(m[2])]));
  const pages = Number(/^built (\d+) pages/m.exec(r.stdout)?.[1] ?? NaN);
  // Printed at once: a long run stopped half-way still leaves its finished runs' figures.
  console.error(`${label}: ${(r.wallMs / 1000).toFixed(1)} s, ${r.rssMiB.toFixed(0)} MiB, stages ${JSON.stringify(stages)}`);
  return { label, wallMs: r.wallMs, rssMiB: r.rssMiB, stages, pages };
}

const runs = [];
const build = ['build', '--now', now, '--verbose'];
if (!values['no-single']) {
  makeCold(site);
  runs.push(await run('single build', build));
  discard(join(site, 'dist'));
}
for (const k of only) {
  if (!values.warm) discard(join(site, '.cache'));
  runs.push(await run(`shard ${k}/${count}`, [...build, '--shard', `${k}/${count}`, '--out', `shard-${k}`]));
  discard(join(site, `shard-${k}`));
}
if (!values['no-merge']) {
  await run('(whole site as one shard, not timed)', [...build, '--shard', '1/1', '--out', 'shard-all']);
  runs.push(await run('merge', ['merge', 'shard-all', '--out', 'merged', '--verbose']));
  discard(join(site, 'shard-all'));
  discard(join(site, 'merged'));
}
makeCold(site);
emptyTrash();

console.log(`\n### Sharded builds: ${articles.toLocaleString('en')} articles, \`${values.site}\` site, ${count} shards\n`);
printMachine({ ...machine, 'lib/ compiled': compiled, 'shard builds': values.warm ? 'content cache kept between runs' : 'cold (no .cache/)' });
const stageNames = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
const factor = project / articles;
console.log();
console.log(
  markdownTable(
    ['run', 'pages', ...stageNames.map((s) => `${s} (s)`), 'wall (s)', 'peak RSS (MiB)', `projected wall at ${project.toLocaleString('en')} (s)`],
    runs.map((r) => [r.label, Number.isFinite(r.pages) ? r.pages : '–', ...stageNames.map((s) => (r.stages[s] === undefined ? '–' : (r.stages[s] / 1000).toFixed(1))), (r.wallMs / 1000).toFixed(1), r.rssMiB.toFixed(0), ((r.wallMs / 1000) * factor).toFixed(0)]),
  ),
);
const slowestShard = Math.max(...runs.filter((r) => r.label.startsWith('shard')).map((r) => r.wallMs));
const merge = runs.find((r) => r.label === 'merge');
if (Number.isFinite(slowestShard) && merge) {
  console.log(`\nprojected ${count}-shard wall at ${project.toLocaleString('en')} articles: slowest measured shard + merge = ${(((slowestShard + merge.wallMs) / 1000) * factor).toFixed(0)} s (CI job start-up, npm ci and artifact transfer not included)`);
}
