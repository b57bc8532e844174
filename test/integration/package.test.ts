import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
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
  // Pack a copy, so prepack's clean rebuild of lib/ never pulls lib/ from under tests running beside this one.
  const copy = join(work, 'package');
  mkdirSync(copy);
  for (const part of ['bin', 'src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'site.config.schema.json', 'README.md', 'LICENSE']) {
    cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const { stdout } = await npm(copy, 'pack', '--json', '--pack-destination', work);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info.filename);
  packed = info.files.map((f) => f.path).sort();
}, 10 * minutes);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds the compiled CLI, the config schema, README and LICENSE, and no sources or tests', () => {
    expect(packed).toEqual(expect.arrayContaining(['bin/migrant-site.js', 'lib/cli/main.js', 'lib/pipeline/parse-worker.js', 'site.config.schema.json', 'README.md', 'LICENSE', 'package.json']));
    expect(packed.filter((f) => /^(src|test|content|templates|bench)\//.test(f))).toEqual([]);
  });

  it('installs into an empty folder and builds and checks a site there', async () => {
    const site = join(work, 'newsroom');
    mkdirSync(site);
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'newsroom', private: true }));
    try {
      await npm(site, 'install', '--save-dev', '--offline', tarball);
    } catch {
      // Something the cache lacks (a platform package of Pagefind): let npm fetch only that.
      await npm(site, 'install', '--save-dev', '--prefer-offline', tarball);
    }
    writeFileSync(
      join(site, 'site.config.json'),
      JSON.stringify({ $schema: './node_modules/migrant-site/site.config.schema.json', title: 'Harbour News', baseUrl: 'https://harbour.example.org/', language: 'en', timeZone: 'UTC' }, null, 2),
    );
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    writeFileSync(join(site, 'content', 'posts', 'ferry.md'), '---\ntitle: Night ferry returns to the island route\ndate: 2026-11-10T09:00:00Z\n---\n\nThe night crossing runs again from Monday.\n');
    cpSync(join(repoRoot, 'templates'), join(site, 'templates'), { recursive: true });
    expect(existsSync(join(site, 'node_modules', 'migrant-site', 'site.config.schema.json'))).toBe(true);

    const cli = join(site, 'node_modules', '.bin', 'migrant-site');
    const built = await run(cli, ['build', '--now', '2026-11-30T12:00:00Z'], { cwd: site });
    expect(built.stdout).toMatch(/built \d+ pages .* from 1 posts/);
    expect(readFileSync(join(site, 'dist', '2026', '11', 'night-ferry-returns-to-the-island-route', 'index.html'), 'utf8')).toContain('Night ferry returns to the island route');
    const checked = await run(cli, ['check', '--now', '2026-11-30T12:00:00Z'], { cwd: site }).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${checked.stdout}${checked.stderr}`).toMatch(/checked \d+ pages/);
  }, 10 * minutes);
});
