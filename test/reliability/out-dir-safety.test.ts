import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutputFolder } from '../../src/write/output-folder.js';
import { snapshotDir } from '../support/snapshot.js';
import { article, createTempSite, problemsIn, runMain, type TempSite } from '../support/temp-site.js';

// Issue 11 item 1: a cloned site's config (or a mistyped --out) must not make
// `build` or `clean` replace a folder or file this tool did not make.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A site inside a parent folder that also holds other people's things (a sibling project, a fake home). */
function workspace(config: object = {}): { site: TempSite; parent: string; home: string } {
  const parent = mkdtempSync(join(tmpdir(), 'out-dir-safety-'));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  const site = createTempSite({ 'content/posts/one.md': article({ title: 'One', date: '2024-11-06' }) }, { config });
  cleanups.push(() => site.remove());
  const home = join(parent, 'home');
  mkdirSync(join(home, 'notes'), { recursive: true });
  writeFileSync(join(home, 'notes', 'diary.txt'), 'private');
  mkdirSync(join(parent, 'other-project', 'src'), { recursive: true });
  writeFileSync(join(parent, 'other-project', 'src', 'main.ts'), 'export const x = 1;\n');
  site.write('.github/workflows/ci.yml', 'on: push\n');
  return { site, parent, home };
}

/** Every file under `dir` with its bytes: compared before and after to prove nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return statSync(dir).isDirectory() ? snapshotDir(dir) : { '': readFileSync(dir, 'latin1') };
}

/** The CLI in-process (main()) with `home` as the home folder, which the output-folder check refuses to replace. */
async function run(site: TempSite, home: string, ...args: string[]) {
  const before = process.env.HOME;
  process.env.HOME = home;
  try {
    return await runMain(site.root, args);
  } finally {
    if (before === undefined) delete process.env.HOME;
    else process.env.HOME = before;
  }
}

const now = '--now=2024-11-10T12:00:00Z';

/** Victims: [name, outDir as written in the config, the folder or file that must survive]. */
const victims: [string, (w: { site: TempSite; parent: string; home: string }) => { outDir: string; victim: string }][] = [
  ['a sibling project', ({ site, parent }) => ({ outDir: relative(site.root, join(parent, 'other-project')), victim: join(parent, 'other-project') })],
  ['a folder in the home folder', ({ home }) => ({ outDir: join(home, 'notes'), victim: join(home, 'notes') })],
  ['.github', ({ site }) => ({ outDir: '.github', victim: join(site.root, '.github') })],
  ['site.config.json itself', ({ site }) => ({ outDir: 'site.config.json', victim: join(site.root, 'site.config.json') })],
  ['a regular file called dist', ({ site }) => (site.write('dist', 'notes kept in a file'), { outDir: 'dist', victim: join(site.root, 'dist') })],
];

describe('an output folder this tool did not make is never replaced', () => {
  it.each(victims)('refuses outDir pointing at %s, and leaves it untouched', async (_name, pick) => {
    const w = workspace();
    const { outDir, victim } = pick(w);
    w.site.write('site.config.json', JSON.stringify({ ...JSON.parse(w.site.read('site.config.json')), outDir }));
    const before = snapshot(victim);
    const result = await run(w.site, w.home, 'build', now);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error MS105 outDir');
    expect(result.stderr).toContain('a build replaces the whole output folder');
    expect(result.stderr).toContain('hint:');
    expect(snapshot(victim)).toEqual(before);
  });

  it.each(victims)('refuses --out pointing at %s, and leaves it untouched', async (_name, pick) => {
    const w = workspace();
    const { outDir, victim } = pick(w);
    const before = snapshot(victim);
    const result = await run(w.site, w.home, 'build', now, '--out', outDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error MS105 outDir "[^"]+" \(.+\) (exists and is not a folder|is an existing folder (outside|hidden inside) the site that migrant-site did not make)/);
    expect(snapshot(victim)).toEqual(before);
  });

  // Through the real bin: the refusal is exit code 2 of the process, not only main()'s return value.
  it('refuses `clean` on a folder it did not make', async () => {
    const w = workspace();
    w.site.write('site.config.json', JSON.stringify({ ...JSON.parse(w.site.read('site.config.json')), outDir: join(w.parent, 'other-project') }));
    const before = snapshot(join(w.parent, 'other-project'));
    const result = await w.site.runWith({ HOME: w.home }, 'clean');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('MS105');
    expect(snapshot(join(w.parent, 'other-project'))).toEqual(before);
  });

  it('refuses a symbolic link as the output folder', async () => {
    const w = workspace();
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(w.parent, 'other-project'), join(w.site.root, 'dist'));
    const before = snapshot(join(w.parent, 'other-project'));
    const result = await run(w.site, w.home, 'build', now);
    expect(result.stderr).toContain('is a symbolic link');
    expect(result.code).toBe(2);
    expect(snapshot(join(w.parent, 'other-project'))).toEqual(before);
  });
});

describe('a system folder', () => {
  // Checked without running a build: tests may run as root, where a regression must not be able to touch /etc.
  it('refuses /etc before anything is written', async () => {
    const w = workspace();
    expect(await checkOutputFolder(w.site.root, '/etc')).toMatchObject({
      code: 'MS105',
      message: 'outDir "/etc" (/etc) is an existing folder outside the site that migrant-site did not make; a build replaces the whole output folder',
    });
  });
});

describe('output folders the tool may replace', () => {
  it('replaces an existing plain folder inside the site root', async () => {
    const w = workspace();
    w.site.write('dist/old.html', 'old build');
    const result = await run(w.site, w.home, 'build', now);
    expect(problemsIn(result.stderr)).toEqual([]);
    expect(w.site.exists('dist/old.html')).toBe(false);
    expect(w.site.exists('dist/index.html')).toBe(true);
    expect(w.site.exists('dist/.migrant-site-output')).toBe(false);
  });

  it('marks an output folder outside the site, and replaces it on the next build', async () => {
    const w = workspace();
    const out = join(w.parent, 'public');
    w.site.write('site.config.json', JSON.stringify({ ...JSON.parse(w.site.read('site.config.json')), outDir: relative(w.site.root, out) }));
    expect((await run(w.site, w.home, 'build', now)).code).toBe(0);
    expect(readFileSync(join(out, '.migrant-site-output'), 'utf8')).toContain('migrant-site');
    w.site.write('content/posts/two.md', article({ title: 'Two', date: '2024-11-07' }));
    const again = await run(w.site, w.home, 'build', now);
    expect(problemsIn(again.stderr)).toEqual([]);
    expect(again.code).toBe(0);
    expect(existsSync(join(out, '.migrant-site-output'))).toBe(true);
    expect(readdirSync(w.parent).sort()).toEqual(['home', 'other-project', 'public']);
  });

  it('marks a hidden output folder inside the site, and replaces it on the next build', async () => {
    const w = workspace({ outDir: '.output' });
    expect((await run(w.site, w.home, 'build', now)).code).toBe(0);
    expect(w.site.exists('.output/.migrant-site-output')).toBe(true);
    expect((await run(w.site, w.home, 'build', now, '--base-url', 'https://preview.example.org/')).code).toBe(0);
    expect(w.site.read('.output/index.html')).toContain('preview.example.org');
  });
});
