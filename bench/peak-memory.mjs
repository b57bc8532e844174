#!/usr/bin/env node
// npm run bench:peak-memory -- --articles 1000,4000,16000 [--runs 1] [--site full|same] [--seed 42] [--project 200000] [--build-arg=--shard=1/8]
// Peak resident memory of cold builds, the whole process tree: the CLI's own process
// (its worker threads included) and Pagefind's child processes, each on its own and
// together. Fits fixed cost + bytes per article over the sizes and projects a larger archive.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildArgs, cli, makeCold, parseBuildOutput, siteArgs, siteModes, snapshotCompiled } from './harness/migrant.mjs';
import { machineInfo, printMachine } from './harness/measure.mjs';
import { markdownTable, median } from './harness/stats.mjs';
import { canSampleTree, sampleTree } from './harness/tree-memory.mjs';
import { emptyTrash, ensureCorpus } from './harness/workspace.mjs';

const usage = 'usage: npm run bench:peak-memory -- --articles 1000,4000,16000 [--runs 1] [--site full|same] [--seed 42] [--project 200000] [--build-arg=--shard=1/8 …]';
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000,4000' },
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    site: { type: 'string', default: 'full' },
    project: { type: 'string', default: '200000' },
    'build-arg': { type: 'string', multiple: true, default: [] },
  },
});
const sizes = values.articles.split(',').map((s) => Number.parseInt(s, 10));
const runs = Number.parseInt(values.runs, 10);
const seed = Number.parseInt(values.seed, 10);
const projectTo = Number.parseInt(values.project, 10);
if (!sizes.every((n) => n > 0) || !(runs > 0) || !(seed >= 0) || !(projectTo > 0) || !siteModes.includes(values.site)) {
  console.error(usage);
  process.exit(2);
}
if (!canSampleTree) {
  console.error('peak-memory reads /proc: it runs on Linux only');
  process.exit(2);
}

const compiled = snapshotCompiled();
const machine = machineInfo();
/** The CLI's process is `main` (worker threads share it); Pagefind's binaries are `pagefind`; anything else is `other`. */
const groupOf = (root) => (name, pid) => (pid === root ? 'main' : name.startsWith('pagefind') ? 'pagefind' : 'other');

const results = [];
for (const articles of sizes) {
  const { site, reused } = ensureCorpus(articles, seed);
  console.error(`${reused ? 'reusing' : 'generated'} ${articles} articles in ${site}`);
  const args = [...siteArgs(site, values.site), ...values['build-arg']];
  for (let r = 0; r < runs; r++) {
    makeCold(site);
    const run = await buildInTree(site, args);
    results.push({ articles, ...run });
    console.error(`${articles} articles, run ${r + 1}/${runs}: tree ${run.treePeakMiB.toFixed(0)} MiB (main ${run.groups.main?.peakMiB.toFixed(0)}, pagefind ${(run.groups.pagefind?.peakMiB ?? 0).toFixed(0)}), ${(run.wallMs / 1000).toFixed(1)} s`);
  }
  makeCold(site);
}
emptyTrash();

const mib = (v) => (v === undefined || Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en'));
const peakOf = (run, group) => run.groups[group]?.peakMiB ?? 0;
console.log(`\n### Peak memory, cold builds, \`${values.site}\` site (MiB; ${runs} run${runs > 1 ? 's' : ''} each${runs > 1 ? ', median' : ''})\n`);
const shownArgs = [...buildArgs, ...(values.site === 'same' ? ['--config', 'site.same.json'] : []), ...values['build-arg']];
printMachine({ ...machine, 'lib/ compiled': compiled, 'build command': `migrant-site ${shownArgs.join(' ')}` });
console.log('- sampled every 100 ms over the process tree (/proc); a process\'s own peak is its VmHWM\n');

const bySize = sizes.map((articles) => {
  const mine = results.filter((r) => r.articles === articles);
  const med = (pick) => median(mine.map(pick));
  return {
    articles,
    pages: mine[0].summary.pages,
    wall: med((r) => r.wallMs / 1000),
    main: med((r) => peakOf(r, 'main')),
    pagefind: med((r) => peakOf(r, 'pagefind')),
    pagefindProcesses: Math.max(...mine.map((r) => r.groups.pagefind?.processes ?? 0)),
    tree: med((r) => r.treePeakMiB),
    atPeak: mine[0].treePeakStage,
    stagePeaks: mine[0].stagePeaks,
  };
});
console.log(
  markdownTable(
    ['articles', 'pages', 'wall (s)', 'main process', 'Pagefind (processes)', 'tree, at once', 'tree peak during'],
    bySize.map((s) => [s.articles.toLocaleString('en'), s.pages.toLocaleString('en'), s.wall.toFixed(1), mib(s.main), `${mib(s.pagefind)} (${s.pagefindProcesses})`, mib(s.tree), s.atPeak ?? '–']),
  ),
);

console.log('\nTree peak within each stage (MiB; the stage line\'s arrival ends a stage):\n');
const stageNames = [...new Set(bySize.flatMap((s) => Object.keys(s.stagePeaks)))];
console.log(markdownTable(['stage', ...bySize.map((s) => s.articles.toLocaleString('en'))], stageNames.map((st) => [st, ...bySize.map((s) => mib(s.stagePeaks[st]))])));

if (bySize.length >= 2) {
  console.log(`\nLeast-squares fit over the sizes: fixed cost + per article, and ${projectTo.toLocaleString('en')} articles projected:\n`);
  const rows = [['main process', 'main'], ['Pagefind', 'pagefind'], ['tree', 'tree']].map(([label, key]) => {
    const { intercept, slope } = fit(bySize.map((s) => [s.articles, s[key]]));
    return [label, mib(intercept), (slope * 1024).toFixed(1), ((slope * 2 ** 20) / 1000).toFixed(1), `${((intercept + slope * projectTo) / 1024).toFixed(2)} GiB`];
  });
  console.log(markdownTable(['', 'fixed (MiB)', 'KiB / article', 'KB / article', `at ${projectTo.toLocaleString('en')}`], rows));
}

/** One cold build in a fresh process, its tree sampled; stage lines time-stamped as they arrive. */
function buildInTree(site, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...buildArgs, ...args], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = sampleTree(child.pid, { groupOf: groupOf(child.pid) });
    const out = [];
    const err = [];
    const stageEnds = [];
    let pending = '';
    child.stdout.on('data', (b) => {
      out.push(b);
      const lines = (pending + b.toString()).split('\n');
      pending = lines.pop();
      const at = performance.now() - started;
      for (const line of lines) {
        const stage = /^\s+(\w+)\s+[\d.]+ ms$/.exec(line);
        if (stage) stageEnds.push([stage[1], at]);
      }
    });
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const tree = sampler.stop();
      const wallMs = performance.now() - started;
      const stdout = Buffer.concat(out).toString();
      if (code !== 0) {
        reject(new Error(`build exited with ${code} in ${site}\n${Buffer.concat(err).toString().slice(-2000)}`));
        return;
      }
      resolve({ wallMs, ...tree, ...stagesOf(tree, stageEnds), ...parseBuildOutput(stdout) });
    });
  });
}

/** Each stage's largest tree sample (from the previous stage line to its own), and the stage the tree's peak fell in. */
function stagesOf(tree, stageEnds) {
  const stagePeaks = {};
  let from = 0;
  for (const [name, to] of stageEnds) {
    const inside = tree.timeline.filter(([at]) => at > from && at <= to).map(([, kib]) => kib / 1024);
    // A stage shorter than the sampling interval has no sample of its own.
    if (inside.length > 0) stagePeaks[name] = Math.max(stagePeaks[name] ?? 0, ...inside);
    from = to;
  }
  const end = stageEnds.find(([, to]) => to >= tree.treePeakAtMs);
  return { stagePeaks, treePeakStage: end ? end[0] : 'after the last stage' };
}

function fit(points) {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
