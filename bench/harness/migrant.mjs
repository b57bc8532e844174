// Running the repo's own CLI (the compiled lib/, as users run it) and reading its output.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './measure.mjs';
import { discard, repoRoot, workDir } from './workspace.mjs';

// Builds run a snapshot of the compiled CLI, taken once per bench invocation, so that a
// `npm run build` elsewhere in the working tree cannot change the code between runs. Its
// packages still resolve from the repo's node_modules, which is an ancestor folder.
const snapshot = join(workDir, 'cli');
export const cli = join(snapshot, 'bin', 'migrant-site.js');
// A fixed clock: every generated article is in the past, and builds are reproducible.
export const now = '2026-11-28T00:00:00Z';
export const buildArgs = ['build', '--now', now, '--verbose'];

/**
 * Snapshots bin/, lib/, theme/ (the built-in theme the sites are built with) and package.json; stops early when lib/ is missing, and warns when
 * src/ changed after it was compiled. Returns when lib/ was compiled, for the report.
 */
export function snapshotCompiled() {
  const main = join(repoRoot, 'lib', 'cli', 'main.js');
  if (!existsSync(main)) {
    console.error('lib/ is missing: run `npm run build` first');
    process.exit(2);
  }
  const src = join(repoRoot, 'src');
  const newest = Math.max(...readdirSync(src, { recursive: true }).map((f) => statSync(join(src, String(f))).mtimeMs));
  if (newest > statSync(main).mtimeMs) console.error('warning: src/ changed after lib/ was compiled; run `npm run build` to measure the current code');
  rmSync(snapshot, { recursive: true, force: true });
  for (const f of ['bin', 'lib', 'theme', 'package.json']) cpSync(join(repoRoot, f), join(snapshot, f), { recursive: true });
  return statSync(main).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * Which site migrant-site builds. `same`: what Hugo's and Eleventy's reference sites have,
 * as far as the config can say it (no search index, one RSS feed; the theme's paginated
 * lists, author pages and sitemaps remain). `full`: the news theme with everything on.
 */
export const siteModes = ['same', 'full'];

/**
 * The `--config` arguments for a mode. `same` is a sibling of the generated site.config.json
 * with search and the extra feeds off, so both modes share one corpus and content cache.
 */
export function siteArgs(site, mode) {
  if (mode === 'full') return [];
  if (mode !== 'same') throw new Error(`unknown site mode ${JSON.stringify(mode)}: ${siteModes.join(' or ')}`);
  const config = JSON.parse(readFileSync(join(site, 'site.config.json'), 'utf8'));
  const same = { ...config, search: { enabled: false }, feeds: { formats: ['rss'], categories: false, authors: false } };
  writeFileSync(join(site, sameConfig), JSON.stringify(same, null, 2) + '\n');
  return ['--config', sameConfig];
}

const sameConfig = 'site.same.json';

/** Empties the output folder and the content cache, so the next build starts from nothing. */
export function makeCold(site) {
  discard(join(site, 'dist'));
  discard(join(site, '.cache'));
}

/** One build in a fresh process: wall time, peak RSS, and what --verbose printed. */
export async function buildSite(site, extraArgs = []) {
  const run = await measure(process.execPath, [cli, ...buildArgs, ...extraArgs], { cwd: site });
  return { ...run, ...parseBuildOutput(run.stdout), cache: existsSync(join(site, '.cache')) };
}

/** Stage lines ("  parse        4200.4 ms") and the summary line of `build --verbose`. */
export function parseBuildOutput(stdout) {
  const stages = {};
  let summary;
  for (const line of stdout.split('\n')) {
    const stage = /^\s+(\w+)\s+([\d.]+) ms$/.exec(line);
    if (stage) stages[stage[1]] = Number(stage[2]);
    // A shard build says which shard it is: `built 277 pages (shard 1/8) (299 files changed) …`.
    const s = /^built (\d+) pages (?:\(shard \d+\/\d+\) )?\((\d+) files changed\) from (\d+) posts.*; (\d+) warnings?; (\d+) ms$/.exec(line);
    if (s) summary = { pages: +s[1], changed: +s[2], posts: +s[3], warnings: +s[4], ms: +s[5] };
    // A build with nothing changed keeps the last output (its fingerprint held) and writes nothing.
    const kept = /^nothing changed since the last build: kept (\d+) pages from (\d+) posts.*; (\d+) warnings?; (\d+) ms$/.exec(line);
    if (kept) summary = { pages: +kept[1], changed: 0, posts: +kept[2], warnings: +kept[3], ms: +kept[4], kept: true };
  }
  if (!summary) throw new Error(`no summary line in the build's output:\n${stdout.slice(-2000)}`);
  return { stages, summary };
}
