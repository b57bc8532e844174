// The three generators as the comparison runs them: each gets the same corpus, builds into
// its own output folder under bench/.work/out/, and starts cold every time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { countHtmlFiles, measure } from './measure.mjs';
import { buildSite, makeCold, siteArgs } from './migrant.mjs';
import { benchDir, discard, workDir } from './workspace.mjs';

const eleventyDir = join(benchDir, 'eleventy');
const eleventyCli = join(eleventyDir, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

/**
 * The tools for one corpus, each with { name, version, prepare(), build() → { wallMs, rssMiB, pages } };
 * `mode` is migrant-site's site (siteModes in migrant.mjs).
 */
export function createTools(corpus, mode) {
  return [hugo(corpus), eleventy(corpus), migrantSite(corpus, mode)];
}

function hugo({ corpus }) {
  const site = join(workDir, 'hugo-site');
  const out = join(workDir, 'out', 'hugo');
  const cache = join(workDir, 'hugo-cache');
  return {
    name: 'Hugo',
    version: () => execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim().split(' ')[1],
    prepare() {
      rmSync(site, { recursive: true, force: true });
      cpSync(join(benchDir, 'hugo-site'), site, { recursive: true });
    },
    async build() {
      for (const p of [out, cache, join(site, 'resources')]) discard(p);
      const run = await measure('hugo', ['--quiet', '-s', site, '--contentDir', corpus, '-d', out, '--cacheDir', cache], { cwd: site });
      return { ...run, pages: countHtmlFiles(out) };
    },
  };
}

function eleventy({ corpus, dir }) {
  // Eleventy reads its input folder: a copy of the site's templates with the corpus linked in.
  const project = join(dir, 'eleventy');
  const out = join(workDir, 'out', 'eleventy');
  return {
    name: 'Eleventy',
    version: () => JSON.parse(readFileSync(join(eleventyDir, 'node_modules', '@11ty', 'eleventy', 'package.json'), 'utf8')).version,
    prepare() {
      installEleventy();
      rmSync(project, { recursive: true, force: true });
      cpSync(join(benchDir, 'eleventy-site'), project, { recursive: true });
      symlinkSync(join(corpus, 'posts'), join(project, 'src', 'posts'), 'dir');
    },
    async build() {
      discard(out);
      const args = [eleventyCli, '--config=eleventy.config.mjs', '--input=src', `--output=${out}`, '--quiet'];
      const run = await measure(process.execPath, args, { cwd: project });
      return { ...run, pages: countHtmlFiles(out) };
    },
  };
}

function migrantSite({ site }, mode) {
  let args = [];
  return {
    name: 'migrant-site',
    version: () => JSON.parse(readFileSync(join(benchDir, '..', 'package.json'), 'utf8')).version,
    prepare() {
      args = siteArgs(site, mode);
    },
    async build() {
      makeCold(site);
      const run = await buildSite(site, args);
      return { ...run, pages: run.summary.pages };
    },
  };
}

/** Eleventy lives in bench/eleventy with its own lockfile, never in the root package.json. */
function installEleventy() {
  if (existsSync(eleventyCli)) return;
  console.error('installing Eleventy: npm ci --prefix bench/eleventy');
  execFileSync('npm', ['ci', '--prefix', eleventyDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/** Hugo comes from Debian's `hugo` package; says how to get it rather than failing obscurely. */
export function checkHugo() {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
  } catch {
    console.error('hugo is not installed: apt-get install -y hugo (Debian package, 0.111 here)');
    process.exit(2);
  }
}

export function ensureOutRoot() {
  mkdirSync(join(workDir, 'out'), { recursive: true });
}
