#!/usr/bin/env node
// npm run bench:watch -- --articles 1000 [--runs 10] [--site full|same] [--seed 42] [--quiet-ms 2000]
// Save-to-reload latency of `serve --watch`: edits one article's body and another's tags,
// alternately, and times each save to the live-reload message that names the article.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pickArticles, toggleBodyEdit, toggleTag } from './harness/edits.mjs';
import { cli, now, siteArgs, siteModes, snapshotCompiled } from './harness/migrant.mjs';
import { machineInfo, printMachine } from './harness/measure.mjs';
import { freePort, openEvents, startServe, waitQuiet } from './harness/serve.mjs';
import { markdownTable, summarize } from './harness/stats.mjs';
import { ensureCorpus } from './harness/workspace.mjs';

const usage = 'usage: npm run bench:watch -- --articles 1000 [--runs 10] [--site full|same] [--seed 42] [--quiet-ms 2000]';
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    site: { type: 'string', default: 'full' },
    'quiet-ms': { type: 'string', default: '2000' },
  },
});
const [articles, runs, seed, quietMs] = ['articles', 'runs', 'seed', 'quiet-ms'].map((k) => Number.parseInt(values[k], 10));
if (!(articles > 1) || !(runs > 0) || !(seed >= 0) || !(quietMs >= 1000) || !siteModes.includes(values.site)) {
  console.error(usage);
  process.exit(2);
}
// Generous: at 16,000 articles the first build and search index take minutes.
const startTimeoutMs = 30 * 60_000;
const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const reloadTimeoutMs = 60_000;

const compiled = snapshotCompiled();
const machine = machineInfo();
const { site, reused } = ensureCorpus(articles, seed);
console.error(`${reused ? 'reusing' : 'generated'} ${articles} articles in ${site}`);
const port = await freePort();
const serveArgs = ['--watch', '--port', String(port), '--now', now, ...siteArgs(site, values.site)];
const picked = pickArticles(site);
const originals = new Map([picked.body, picked.tag].map((a) => [a.file, readFileSync(a.file, 'utf8')]));
const changes = [
  { kind: 'body edit', article: picked.body, toggle: toggleBodyEdit, results: [] },
  { kind: 'tag change', article: picked.tag, toggle: (text) => toggleTag(text, picked.tag.tag), results: [] },
];

const started = performance.now();
const server = await startServe(cli, serveArgs, { cwd: site, timeoutMs: startTimeoutMs });
let peakRssMiB = NaN;
let readyS;
try {
  const events = await openEvents(new URL('__migrant/events', server.url).href);
  const serve = { ...server, events };
  await waitQuiet(serve, { quietMs, timeoutMs: startTimeoutMs });
  readyS = (performance.now() - started - quietMs) / 1000;
  console.error(`ready after ${readyS.toFixed(1)} s: ${server.log.find((l) => l.text.startsWith('built'))?.text}`);
  for (let r = 0; r < runs; r++) {
    for (const change of changes) {
      const result = await saveAndTime(serve, change);
      change.results.push(result);
      console.error(`run ${r + 1}/${runs}: ${change.kind} → reload in ${result.reloadMs.toFixed(0)} ms, ${result.cpuMs.toFixed(0)} ms CPU (${result.rebuilt})`);
    }
  }
  peakRssMiB = vmHwmMiB(server.child.pid);
  events.close();
} finally {
  await server.stop();
  for (const [file, text] of originals) writeFileSync(file, text);
}

/**
 * Saves the toggled article, times the save to the reload message naming its URL, then
 * waits until the server is idle again (the search index refresh included) and reads what
 * the log and the later messages said about this change.
 */
async function saveAndTime(serve, { article, toggle }) {
  const { log, events } = serve;
  const [fromLog, fromEvent] = [log.length, events.messages.length];
  const text = toggle(readFileSync(article.file, 'utf8'));
  const cpuBefore = cpuMs(serve.child.pid);
  const saved = performance.now();
  writeFileSync(article.file, text);
  const reload = await events.next(fromEvent, (m) => m.type === 'error' || (m.type === 'reload' && m.urls.includes(article.url)), reloadTimeoutMs);
  const cpu = cpuMs(serve.child.pid) - cpuBefore;
  if (reload.message.type === 'error') throw new Error(`the rebuild failed:\n${reload.message.text}`);
  await waitQuiet(serve, { quietMs, timeoutMs: startTimeoutMs });
  const line = log.slice(fromLog).find((l) => l.text.startsWith('rebuilt'))?.text ?? '';
  const [, pages, ms] = /^rebuilt (\d+) pages? in (\d+) ms/.exec(line) ?? [];
  const search = events.messages.slice(fromEvent).find((e) => e.message.urls?.some((u) => u.startsWith('/pagefind/')));
  return {
    reloadMs: reload.at - saved,
    cpuMs: cpu,
    rebuildMs: Number(ms),
    pages: Number(pages),
    urls: reload.message.urls.length,
    searchMs: search ? search.at - saved : NaN,
    rebuilt: line,
  };
}

/**
 * CPU time the serve process (all its threads) has used, from /proc: on a machine shared with other
 * work a save's wall time depends on the load, its CPU time much less.
 */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 of stat(5), counted from the field after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** Peak resident memory of the serve process itself (Pagefind's process not included). */
function vmHwmMiB(pid) {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

const first = server.log.find((l) => l.text.startsWith('built'))?.text ?? '';
console.log(`\n### serve --watch: ${articles.toLocaleString('en')} articles, \`${values.site}\` site, ${runs} saves of each kind (median, min–max)\n`);
printMachine({
  ...machine,
  'lib/ compiled': compiled,
  'serve command': `migrant-site serve ${serveArgs.join(' ')}`,
  'first build (as logged)': first,
  'ready (first build, search index, idle) after': `${readyS.toFixed(1)} s`,
  'idle between saves': `${quietMs / 1000} s with no log line, no live-reload message and under 5% CPU for the serve process tree (Pagefind included)`,
  'peak RSS of the serve process (node; Pagefind separate)': `${peakRssMiB.toFixed(0)} MiB`,
  'body edits': `${picked.body.url}: a sentence appended to the last paragraph, then removed, alternately`,
  'tag changes': `${picked.tag.url}: tag ${JSON.stringify(picked.tag.tag)} added, then removed, alternately`,
});
console.log('');
const col = (results, pick, digits = 0) => summarize(results.map(pick), digits);
console.log(markdownTable(
  ['change', 'save → reload message (ms)', 'serve CPU, save → reload (ms)', 'rebuild, as logged (ms)', 'pages re-rendered', 'URLs in the reload message', 'save → search index reload (ms)'],
  changes.map(({ kind, results }) => [
    kind, col(results, (r) => r.reloadMs), col(results, (r) => r.cpuMs), col(results, (r) => r.rebuildMs), col(results, (r) => r.pages), col(results, (r) => r.urls), col(results, (r) => r.searchMs),
  ]),
));
