#!/usr/bin/env node
// npm run bench:unchanged -- [--articles 4000,16000] [--runs 5] [--site same|full] [--seed 42] [--base DIR]
// A build with nothing changed, for this checkout and (with --base) another compiled
// checkout, alternating run by run: `editor` builds again in the folder of the last build
// (every file's stat data as it was), `ci` in a fresh copy of the site with `.cache/` and
// `dist/` restored with their mtimes (new inodes and ctimes, as a checkout and a cache
// restore give them). Each variant's workspace is primed by one cold build first.
import { parseArgs } from 'node:util';
import { ciBuild, primeVariant, snapshotVariant } from './harness/ci-scenario.mjs';
import { buildArgs, parseBuildOutput, siteArgs, siteModes } from './harness/migrant.mjs';
import { machineInfo, measure, printMachine } from './harness/measure.mjs';
import { markdownTable, median, summarize } from './harness/stats.mjs';
import { emptyTrash, ensureCorpus, repoRoot } from './harness/workspace.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '4000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    site: { type: 'string', default: 'same' },
    base: { type: 'string' },
  },
});
const sizes = values.articles.split(',').map((s) => Number.parseInt(s, 10));
const runs = Number.parseInt(values.runs, 10);
const seed = Number.parseInt(values.seed, 10);
if (sizes.some((n) => !(n > 0)) || !(runs > 0) || !(seed >= 0) || !siteModes.includes(values.site)) {
  console.error('usage: npm run bench:unchanged -- [--articles 4000,16000] [--runs 5] [--site same|full] [--seed 42] [--base DIR]');
  process.exit(2);
}

const machine = machineInfo();
const variants = [snapshotVariant('current', repoRoot), ...(values.base ? [snapshotVariant('base', values.base)] : [])];
const cases = {
  editor: (v, primed, args) => measure(process.execPath, [v.cli, ...buildArgs, ...args], { cwd: primed }),
  ci: (v, primed, args) => ciBuild(v, primed, 'none', args),
};
const label = (v) => `${v.label} (${v.commit})`;

for (const articles of sizes) {
  const corpus = ensureCorpus(articles, seed);
  const args = siteArgs(corpus.site, values.site);
  const primed = {};
  for (const v of variants) {
    const p = await primeVariant(v, corpus.site, args);
    primed[v.label] = p.primed;
    console.error(`${articles}: ${v.label} cold ${(p.cold.wallMs / 1000).toFixed(1)} s`);
  }
  const results = Object.fromEntries(Object.keys(cases).map((c) => [c, Object.fromEntries(variants.map((v) => [v.label, []]))]));
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...variants].reverse() : variants;
    for (const [name, run] of Object.entries(cases)) {
      for (const v of order) {
        const measured = await run(v, primed[v.label], args);
        const b = { ...measured, ...parseBuildOutput(measured.stdout) };
        results[name][v.label].push(b);
        console.error(`${articles}: ${name} ${v.label} ${(b.wallMs / 1000).toFixed(2)} s${b.summary.kept ? ' (kept)' : ` (${b.summary.changed} files changed)`}`);
      }
    }
  }
  emptyTrash();
  console.log(`\n#### ${articles.toLocaleString('en')} articles, \`${values.site}\` site, nothing changed; ${runs} runs (median, min–max)\n`);
  const rows = Object.entries(results).flatMap(([name, byVariant]) =>
    variants.map((v) => {
      const builds = byVariant[v.label];
      const stages = [...new Set(builds.flatMap((b) => Object.keys(b.stages)))];
      const top = stages.map((s) => [s, median(builds.map((b) => b.stages[s] ?? 0))]).sort((a, b) => b[1] - a[1]).slice(0, 4);
      return [name, label(v), summarize(builds.map((b) => b.wallMs / 1000)), summarize(builds.map((b) => b.summary.ms / 1000)), summarize(builds.map((b) => b.rssMiB), 0), top.map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join(', ')];
    }),
  );
  console.log(markdownTable(['case', 'migrant-site', 'process wall (s)', 'as reported (s)', 'peak RSS (MiB)', 'largest stages (ms, median)'], rows));
  if (variants.length === 2) {
    console.log('\ncurrent / base, ratio of the medians of process wall time (range of the per-round ratios):\n');
    console.log(
      markdownTable(
        ['case', 'ratio'],
        Object.entries(results).map(([name, byVariant]) => {
          const [c, b] = [byVariant.current.map((x) => x.wallMs), byVariant.base.map((x) => x.wallMs)];
          const per = c.map((x, i) => x / b[i]);
          return [name, `${(median(c) / median(b)).toFixed(2)} (${Math.min(...per).toFixed(2)}–${Math.max(...per).toFixed(2)})`];
        }),
      ),
    );
  }
}
console.log('');
printMachine(machine);
