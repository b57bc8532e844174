#!/usr/bin/env node
// npm run bench:compare -- --articles 1000,4000 [--runs 3] [--site same|full] [--seed 42] [--scenario cold|ci] [--base DIR]
// Cold builds of one corpus with Hugo, Eleventy 3 and migrant-site, tools alternating run
// by run (the machine is noisy); whole-process wall time and peak RSS, median and range,
// and migrant-site's time as a multiple of each other tool's, as markdown tables.
// `--scenario ci`: restored-cache CI builds after one change (harness/ci-compare.mjs),
// for this checkout and, with --base, another compiled checkout, alternating.
import { parseArgs } from 'node:util';
import { siteModes, snapshotCompiled } from './harness/migrant.mjs';
import { machineInfo, printMachine } from './harness/measure.mjs';
import { markdownTable, median, summarize } from './harness/stats.mjs';
import { checkHugo, createTools, ensureOutRoot } from './harness/tools.mjs';
import { emptyTrash, ensureCorpus } from './harness/workspace.mjs';
import { compareCi } from './harness/ci-compare.mjs';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    site: { type: 'string', default: 'same' },
    scenario: { type: 'string', default: 'cold' },
    base: { type: 'string' },
  },
});
const sizes = values.articles.split(',').map((s) => Number.parseInt(s, 10));
const runs = Number.parseInt(values.runs, 10);
const seed = Number.parseInt(values.seed, 10);
if (sizes.some((n) => !(n > 0)) || !(runs > 0) || !(seed >= 0) || !siteModes.includes(values.site) || !['cold', 'ci'].includes(values.scenario)) {
  console.error('usage: npm run bench:compare -- --articles 1000,4000 [--runs 3] [--site same|full] [--seed 42] [--scenario cold|ci] [--base DIR]');
  process.exit(2);
}
if (values.scenario === 'ci') {
  const machine = machineInfo();
  await compareCi({ sizes, runs, seed, mode: values.site, base: values.base });
  printMachine(machine);
  process.exit(0);
}

const compiled = snapshotCompiled();
const machine = machineInfo();
checkHugo();
ensureOutRoot();

const results = []; // { articles, tools: [{ name, version, builds: [...] }] }
for (const articles of sizes) {
  const corpus = ensureCorpus(articles, seed);
  console.error(`${corpus.reused ? 'reusing' : 'generated'} ${articles} articles in ${corpus.dir}`);
  const tools = createTools(corpus, values.site).map((t) => ({ ...t, builds: [] }));
  for (const t of tools) t.prepare();
  for (let r = 0; r < runs; r++) {
    // Rotate the order so no tool always runs first (after the corpus was just read) or last.
    for (let k = 0; k < tools.length; k++) {
      const t = tools[(r + k) % tools.length];
      const b = await t.build();
      t.builds.push(b);
      console.error(`${articles} articles, run ${r + 1}/${runs}: ${t.name} ${(b.wallMs / 1000).toFixed(2)} s, ${b.rssMiB.toFixed(0)} MiB`);
    }
  }
  emptyTrash();
  results.push({ articles, tools });
}

const tools = results[0].tools;
console.log(`\n### Cold builds, \`${values.site}\` site: ${tools.map((t) => `${t.name} ${t.version()}`).join(', ')}; ${runs} runs (median, min–max)\n`);
printMachine({ ...machine, 'lib/ compiled': compiled });
console.log('');
console.log(markdownTable(
  ['articles', 'tool', 'wall (s)', 'peak RSS (MiB)', 'HTML pages'],
  results.flatMap(({ articles, tools }) => tools.map((t) => [
    articles.toLocaleString('en'), t.name, summarize(t.builds.map((b) => b.wallMs / 1000)),
    summarize(t.builds.map((b) => b.rssMiB), 0), String(median(t.builds.map((b) => b.pages))),
  ])),
));

// Ratio of medians, and the range of the ratios of builds from the same round.
const ratio = (a, b) => {
  const perRound = a.builds.map((x, i) => x.wallMs / b.builds[i].wallMs);
  const ofMedians = median(a.builds.map((x) => x.wallMs)) / median(b.builds.map((x) => x.wallMs));
  return `${ofMedians.toFixed(2)}× (${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)})`;
};
console.log('\nmigrant-site wall time as a multiple of the other tool\'s (ratio of medians; range of the per-round ratios):\n');
console.log(markdownTable(
  ['articles', 'migrant-site / Hugo', 'migrant-site / Eleventy'],
  results.map(({ articles, tools: [hugo, eleventy, ms] }) => [articles.toLocaleString('en'), ratio(ms, hugo), ratio(ms, eleventy)]),
));
