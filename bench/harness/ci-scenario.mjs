// The `ci` scenario of bench:compare: a CI job that restores `.cache/` and the output
// folder from an earlier run onto a fresh checkout, then builds after one change. Each
// build gets a new workspace: the site's files copied (new mtimes, ctimes and inodes, as
// a checkout makes them) and `.cache/` and `dist/` copied with their mtimes kept (as
// `tar` restores a CI cache), from a workspace primed once by a cold build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickArticles, toggleBodyEdit, toggleTag } from './edits.mjs';
import { buildArgs } from './migrant.mjs';
import { measure } from './measure.mjs';
import { discard, repoRoot, workDir } from './workspace.mjs';

/** The changes a CI run builds, each applied to a fresh restored workspace; `none` is the warm build with nothing changed. */
export const ciChanges = {
  none: () => undefined,
  body: (site) => edit(pickArticles(site).body.file, toggleBodyEdit),
  tags: (site) => {
    const { tag } = pickArticles(site);
    edit(tag.file, (t) => toggleTag(t, tag.tag));
  },
  new: (site) => {
    const dir = join(site, 'content', 'posts');
    const template = readFileSync(join(dir, readdirSync(dir).sort()[0]), 'utf8');
    writeFileSync(join(dir, 'zz-bench-new-article.md'), template.replace(/^title: .*$/m, 'title: "A new article from the CI bench"').replace(/^slug: .*$/m, 'slug: zz-bench-new-article'));
  },
};

function edit(file, change) {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/**
 * A compiled migrant-site to measure: `label` and the folder of a checkout with `lib/`
 * compiled. Its bin/, lib/, theme/ and package.json are snapshotted, like snapshotCompiled().
 */
export function snapshotVariant(label, checkout) {
  if (!existsSync(join(checkout, 'lib', 'cli', 'main.js'))) throw new Error(`${checkout} has no lib/: run npm run build there`);
  const dir = join(workDir, `cli-${label}`);
  rmSync(dir, { recursive: true, force: true });
  for (const f of ['bin', 'lib', 'theme', 'package.json']) cpSync(join(checkout, f), join(dir, f), { recursive: true });
  return { label, cli: join(dir, 'bin', 'migrant-site.js'), commit: gitHead(checkout) };
}

function gitHead(dir) {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

const siteFiles = (site) => readdirSync(site).filter((f) => f !== '.cache' && f !== 'dist');

/** A cold build of `site` in a workspace of the variant's own, kept as the state later runs restore. */
export async function primeVariant(variant, site, args) {
  const primed = join(workDir, `ci-${variant.label}`, 'primed');
  discard(primed);
  mkdirSync(primed, { recursive: true });
  for (const f of siteFiles(site)) cpSync(join(site, f), join(primed, f), { recursive: true });
  const run = await measure(process.execPath, [variant.cli, ...buildArgs, ...args], { cwd: primed });
  return { primed, cold: run };
}

/** A fresh workspace restored from `primed`, with `change` applied; builds it and returns the measured run. */
export async function ciBuild(variant, primed, change, args) {
  const ws = join(workDir, `ci-${variant.label}`, 'run');
  discard(ws);
  mkdirSync(ws, { recursive: true });
  for (const f of siteFiles(primed)) cpSync(join(primed, f), join(ws, f), { recursive: true });
  // cp -a keeps mtimes to the nanosecond, as tar restores them; the files still get new inodes and ctimes.
  execFileSync('cp', ['-a', join(primed, '.cache'), join(primed, 'dist'), ws]);
  ciChanges[change](ws);
  return measure(process.execPath, [variant.cli, ...buildArgs, ...args], { cwd: ws });
}
