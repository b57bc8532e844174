#!/usr/bin/env node
// node bench/write-outputs.mjs [--pages 84] [--runs 30] [--lib lib,../other-checkout/lib]
// The writer alone: a whole output written with openOutputs (write/write-outputs.ts)
// into an output folder that already holds it (every file compared, then hard-linked,
// as a warm build with nothing changed does) and into one that holds other bytes
// (every file written). Pages of about 23 KB, as the newsroom fixture's; each --lib
// (a compiled lib/ folder, e.g. an older checkout's) in turn, median CPU and wall per build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from './harness/workspace.mjs';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '84' }, runs: { type: 'string', default: '30' }, lib: { type: 'string', default: 'lib' } } });
const libs = values.lib.split(',').map((dir) => resolve(repoRoot, dir));
const writers = await Promise.all(libs.map(async (dir) => (await import(pathToFileURL(join(dir, 'write', 'write-outputs.js')).href)).writeOutputs));

const pages = (version) =>
  Array.from({ length: Number(values.pages) }, (_, i) => ({ path: `section-${i % 12}/page-${i}/index.html`, data: `<!doctype html><p>${version} ${i}</p>${'<li>A line of a news page.</li>'.repeat(750)}` }));
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function timed(write, out, outputs) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await write(out, outputs);
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - start };
}

const work = mkdtempSync(join(tmpdir(), 'migrant-bench-write-'));
try {
  const results = libs.map(() => ({ same: [], changed: [] }));
  for (let run = 0; run < Number(values.runs); run++) {
    for (const [i, write] of writers.entries()) {
      const out = join(work, `out-${i}`);
      await write(out, pages('a'));
      results[i].same.push(await timed(write, out, pages('a')));
      results[i].changed.push(await timed(write, out, pages(`b${run}`)));
    }
  }
  console.log(`| lib | same bytes: CPU ms, wall ms | new bytes: CPU ms, wall ms |\n| --- | --- | --- |`);
  for (const [i, dir] of libs.entries()) {
    const cell = (list) => `${median(list.map((r) => r.cpu)).toFixed(1)}, ${median(list.map((r) => r.wall)).toFixed(1)}`;
    console.log(`| ${dir} | ${cell(results[i].same)} | ${cell(results[i].changed)} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
