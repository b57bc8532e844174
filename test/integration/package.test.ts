import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-site.js';

// Slow: packs the package as `npm pack` would for a release, installs the
// tarball into an empty folder from the local npm cache, and builds a site
// there with the installed CLI. Minutes on a loaded machine, hence the limits.

const run = promisify(execFile);
const minutes = 60_000;
const work = mkdtempSync(join(tmpdir(), 'migrant-package-'));
let tarball = '';
let packed: string[] = [];

/** npm with output captured; the registry is only a fallback for what the cache lacks. */
async function npm(cwd: string, ...args: string[]) {
  return run('npm', args, { cwd, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  // Packs a copy holding the lib/ that the project's global setup has compiled from the current source. A
  // release's prepack and prepare scripts would empty and compile lib/ once more (a third of this file's time,
  // and CI's `npm ci` runs the same compile): they are skipped, the files chosen for the package are not.
  const copy = join(work, 'package');
  mkdirSync(copy);
  for (const part of ['bin', 'lib', 'src', 'test', 'theme', 'package.json', 'site.config.schema.json', 'README.md', 'LICENSE']) {
    cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
  }
  const { stdout } = await npm(copy, 'pack', '--json', '--ignore-scripts', '--pack-destination', work);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info.filename);
  packed = info.files.map((f) => f.path).sort();
}, 10 * minutes);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds the compiled CLI, the built-in theme, the config schema, README and LICENSE, and no sources or tests', () => {
    expect(packed).toEqual(expect.arrayContaining(['bin/migrant-site.js', 'lib/cli/main.js', 'lib/pipeline/parse-worker.js', 'lib/built-in-theme.v8', 'theme/layouts/base.hbs', 'theme/assets/css/site.css', 'site.config.schema.json', 'README.md', 'LICENSE', 'package.json']));
    expect(packed.filter((f) => /^(src|test|content|templates|bench)\//.test(f))).toEqual([]);
  });

  it('installs into an empty folder, where init, build and check make and check a site with the built-in theme', async () => {
    const site = join(work, 'newsroom');
    mkdirSync(site);
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'newsroom', private: true }));
    try {
      await npm(site, 'install', '--save-dev', '--offline', tarball);
    } catch {
      // Something the cache lacks (a platform package of Pagefind): let npm fetch only that.
      await npm(site, 'install', '--save-dev', '--prefer-offline', tarball);
    }
    const cli = join(site, 'node_modules', '.bin', 'migrant-site');
    await run(cli, ['init'], { cwd: site });
    expect(existsSync(join(site, 'templates'))).toBe(false);
    expect(existsSync(join(site, 'node_modules', 'migrant-site', 'site.config.schema.json'))).toBe(true);

    const built = await run(cli, ['build'], { cwd: site });
    expect(built.stdout).toMatch(/built \d+ pages .* from 1 posts/);
    const home = readFileSync(join(site, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('Our first story');
    expect(home).toMatch(/<link rel="stylesheet" href="\/assets\/css\/site\.[0-9a-f]{10}\.css">/);
    const checked = await run(cli, ['check'], { cwd: site }).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${checked.stdout}${checked.stderr}`).toMatch(/checked \d+ pages/);
  }, 10 * minutes);
});
