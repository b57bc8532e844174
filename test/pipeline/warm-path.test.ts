import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache/parse-cache.js';
import { racyMs } from '../../src/cache/source-stats.js';
import { silentLogger } from '../../src/log.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { snapshotDir } from '../support/snapshot.js';

// The warm path trusts stat data (sources: size, mtime, ctime, inode; outputs:
// size, mtime) before bytes. Each test changes something in a way stat data
// could hide, or restores a site as a CI cache does, and checks the output
// still equals a cold build. Search is off: the index is one more output
// file here, and its reuse in warm builds is test/pipeline/warm-build.test.ts's.

let site: FixtureCopy;
const extra: string[] = [];
afterEach(() => {
  site?.cleanup();
  for (const dir of extra.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2024-11-10T12:00:00Z');
const build = (root: string, more: { outDir?: string; cache?: boolean } = {}) =>
  runBuild({ configPath: `${root}/site.config.json`, now, logger: silentLogger, workers: 0, ...more });
const article = 'content/posts/lesbos-arrivals.md';
const page = 'dist/2024/11/lesbos-arrivals/index.html';

/** Until the clock is past the racy window of every file under content/: then a build records their stat data. */
async function settle(root: string): Promise<void> {
  const dir = join(root, 'content');
  const newest = Math.max(...(readdirSync(dir, { recursive: true }) as string[]).map((f) => statSync(join(dir, f)).ctimeMs));
  while (Date.now() <= newest + racyMs + 10) await new Promise((r) => setTimeout(r, 50));
}

async function expectColdEqual(root: string, snapshot: (dir: string) => Record<string, string>) {
  await build(root, { outDir: 'dist-cold', cache: false });
  const expected = snapshot('dist-cold');
  const actual = snapshot('dist');
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const file of Object.keys(expected)) expect(actual[file], file).toBe(expected[file]);
}

describe('the warm path', { timeout: 120_000 }, () => {
  it('sees an edit that keeps the size and restores the mtime (the hash path catches it)', async () => {
    site = copyFixture('newsroom', { search: false });
    // Whole seconds: utimes cannot set an exact sub-millisecond mtime back.
    const mtime = Math.floor(Date.now() / 1000) - 60;
    utimesSync(join(site.root, article), mtime, mtime);
    await settle(site.root);
    await build(site.root);
    expect(site.read(page)).toContain('Calm weather');
    const before = statSync(join(site.root, article));
    site.edit(article, (t) => t.replace('Calm weather', 'Rough weather'.slice(0, 'Calm weather'.length)));
    utimesSync(join(site.root, article), mtime, mtime);
    const after = statSync(join(site.root, article));
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    await build(site.root);
    expect(site.read(page)).toContain('Rough weathe');
    await expectColdEqual(site.root, site.snapshot);
  });

  it('remakes output files deleted or edited behind its back, even with their size and a new mtime kept', async () => {
    site = copyFixture('newsroom', { search: false });
    await build(site.root);
    rmSync(join(site.root, page));
    const feed = join(site.root, 'dist/feed.xml');
    writeFileSync(feed, 'x'.repeat(statSync(feed).size));
    const about = join(site.root, 'dist/about/index.html');
    const aboutTime = statSync(about);
    writeFileSync(about, 'edited by hand');
    utimesSync(about, aboutTime.atime, aboutTime.mtime);
    const result = await build(site.root);
    expect(result.summary?.written).toBeGreaterThanOrEqual(3);
    await expectColdEqual(site.root, site.snapshot);
  });

  it('builds a restored CI workspace (new checkout, cache and output restored) with one body, one tag edit and one new article like a cold build', async () => {
    site = copyFixture('newsroom', { search: false });
    await settle(site.root);
    await build(site.root);
    // A CI job: a fresh checkout (new files: new mtimes, ctimes, inodes), then .cache/ and dist/ restored keeping mtimes, as tar does.
    const ci = mkdtempSync(join(tmpdir(), 'migrant-ci-'));
    extra.push(ci);
    for (const entry of readdirSync(site.root)) if (entry !== '.cache' && entry !== 'dist') cpSync(join(site.root, entry), join(ci, entry), { recursive: true });
    cpSync(join(site.root, '.cache'), join(ci, '.cache'), { recursive: true, preserveTimestamps: true });
    cpSync(join(site.root, 'dist'), join(ci, 'dist'), { recursive: true, preserveTimestamps: true });
    edit(ci, article, (t) => t.replace('Calm weather', 'Calm seas'));
    edit(ci, 'content/posts/chios-returns.md', (t) => t.replace('deportation, detention', 'returns, detention'));
    const edited = await build(ci);
    // The restored state was used: a body and a tag edit re-render some pages, not the site.
    expect(edited.summary?.rendered).toBeLessThan(edited.summary!.pages / 2);
    await expectColdEqual(ci, (dir) => snapshotDir(join(ci, dir)));
    // A new article changes the category menu every page shows.
    writeFileSync(join(ci, 'content/posts/new-arrival.md'), '---\ntitle: A new arrival\ndate: 2024-11-09\ncategories: [Greece]\ntags: [returns]\n---\n\nWritten in CI.\n');
    await build(ci);
    await expectColdEqual(ci, (dir) => snapshotDir(join(ci, dir)));
  });

  it('falls back to a full build when the saved build state is cut short', async () => {
    site = copyFixture('newsroom', { search: false });
    await build(site.root);
    const state = join(cacheDir(site.root), 'state.v8');
    truncateSync(state, statSync(state).size >> 1);
    site.edit(article, (t) => t.replace('Calm weather', 'Calm seas'));
    const result = await build(site.root);
    expect(result.summary?.rendered).toBe(result.summary?.pages);
    await expectColdEqual(site.root, site.snapshot);
  });
});

function edit(root: string, path: string, change: (text: string) => string) {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}
