#!/usr/bin/env node
// node bench/search-chunks.mjs --baseline DIR [--articles 4000,16000] [--runs 2] [--seed 42] [--chunk-size N]
// The search stage of the full site, before and after the index was split into chunks:
// for each size and run, a cold build (no dist/, no .cache/) and then a build after one
// article's body was edited, with the baseline CLI (DIR: a checkout with bin/, lib/ and
// theme/ compiled, e.g. main) and with this tree's, alternating which goes first.
// Prints the `search` stage and the whole build as medians (min–max) in markdown, and the
// size of the cold build's /pagefind/ (with --chunk-size, the site's search.chunkSize for the run).
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toggleBodyEdit, pickArticles } from './harness/edits.mjs';
import { makeCold, now, parseBuildOutput } from './harness/migrant.mjs';
import { machineInfo, measure, printMachine } from './harness/measure.mjs';
import { markdownTable, median, summarize } from './harness/stats.mjs';
import { emptyTrash, ensureCorpus, repoRoot, workDir } from './harness/workspace.mjs';

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    articles: { type: 'string', default: '4000,16000' },
    runs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '42' },
    'chunk-size': { type: 'string' },
  },
});
if (!values.baseline) {
  console.error('usage: node bench/search-chunks.mjs --baseline DIR [--articles 4000,16000] [--runs 2] [--seed 42] [--chunk-size N]');
  process.exit(2);
}

// Snapshots of both CLIs under bench/.work/, so packages resolve from this tree's node_modules.
const variants = [
  ['before', snapshot(resolve(values.baseline), 'cli-before')],
  ['after', snapshot(repoRoot, 'cli-after')],
];
function snapshot(from, name) {
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  for (const f of ['bin', 'lib', 'theme', 'package.json']) cpSync(join(from, f), join(dir, f), { recursive: true });
  return join(dir, 'bin', 'migrant-site.js');
}

async function build(cli, site) {
  const run = await measure(process.execPath, [cli, 'build', '--now', now, '--verbose'], { cwd: site });
  const { stages, summary } = parseBuildOutput(run.stdout);
  const chunks = /search: (\d+) of (\d+) chunks indexed/.exec(run.stdout);
  return { search: stages.search ?? 0, ms: summary.ms, wallMs: run.wallMs, chunks: chunks ? `${chunks[1]} of ${chunks[2]}` : 'one index', bytes: bytesUnder(join(site, 'dist', 'pagefind')) };
}

function bytesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

const machine = machineInfo();
const results = [];
for (const articles of values.articles.split(',').map(Number)) {
  const { site } = ensureCorpus(articles, Number(values.seed));
  const { body } = pickArticles(site);
  const original = readFileSync(body.file, 'utf8');
  const configFile = join(site, 'site.config.json');
  const config = readFileSync(configFile, 'utf8');
  if (values['chunk-size']) {
    const parsed = JSON.parse(config);
    writeFileSync(configFile, JSON.stringify({ ...parsed, search: { ...parsed.search, chunkSize: Number(values['chunk-size']) } }, null, 2));
  }
  const runs = { before: { cold: [], edit: [] }, after: { cold: [], edit: [] } };
  try {
    for (let r = 0; r < Number(values.runs); r++) {
      for (const [name, cli] of r % 2 ? [...variants].reverse() : variants) {
        writeFileSync(body.file, original);
        makeCold(site);
        const cold = await build(cli, site);
        writeFileSync(body.file, toggleBodyEdit(original));
        const edit = await build(cli, site);
        runs[name].cold.push(cold);
        runs[name].edit.push(edit);
        console.error(`${articles} articles, run ${r + 1}, ${name}: cold search ${(cold.search / 1000).toFixed(2)} s, edited search ${(edit.search / 1000).toFixed(2)} s (${edit.chunks})`);
      }
    }
  } finally {
    writeFileSync(configFile, config);
    writeFileSync(body.file, original);
    makeCold(site);
  }
  results.push({ articles, runs });
}
emptyTrash();

console.log('\n### Search stage before and after the chunked index (full site, median, min–max)\n');
printMachine({ ...machine, 'build command': `migrant-site build --now ${now} --verbose` });
const cell = (list, pick) => summarize(list.map(pick));
const rows = results.flatMap(({ articles, runs }) =>
  ['cold', 'edit'].map((kind) => [
    `${articles.toLocaleString('en')} articles, ${kind === 'cold' ? 'cold' : 'one article edited'}`,
    cell(runs.before[kind], (b) => b.search / 1000),
    cell(runs.after[kind], (b) => b.search / 1000),
    `${(median(runs.after[kind].map((b) => b.search)) / median(runs.before[kind].map((b) => b.search))).toFixed(2)}×`,
    cell(runs.before[kind], (b) => b.ms / 1000),
    cell(runs.after[kind], (b) => b.ms / 1000),
    runs.after[kind][0].chunks,
  ]),
);
console.log(markdownTable(['', 'search before (s)', 'search after (s)', 'after / before', 'build before (s)', 'build after (s)', 'chunks indexed after'], rows));
const kib = (list) => `${(median(list.map((b) => b.bytes)) / 1024).toFixed(0)} KiB`;
console.log(`\n${markdownTable(['cold build', '/pagefind/ before', '/pagefind/ after'], results.map(({ articles, runs }) => [`${articles.toLocaleString('en')} articles`, kib(runs.before.cold), kib(runs.after.cold)]))}`);

