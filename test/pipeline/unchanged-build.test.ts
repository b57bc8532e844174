import { readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache/parse-cache.js';
import { listInputs } from '../../src/pipeline/list-inputs.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { repoRoot, runMain } from '../support/temp-site.js';

// A build with nothing changed since the last complete build keeps its output
// (the whole-build fingerprint, src/pipeline/unchanged-build.ts). Each change
// a build's output depends on must break the fingerprint, and the build that
// follows must equal a cold build; the build after that must hold again.
// The generator's code is test/pipeline/generator-change.test.ts's step.

let site: FixtureCopy;
afterEach(() => site?.cleanup());

const kept = /^nothing changed since the last build: kept \d+ pages/m;
const built = /^built \d+ pages \(\d+ files changed\)/m;

async function build(now: string, flags: string[] = [], more: string[] = []) {
  const result = await runMain(site.root, ['build', '--now', now, '--workers', '0', '--verbose', ...flags, ...more]);
  expect(result.code, result.stderr).toBe(0);
  return `${result.stdout}${result.stderr}`;
}

/** Every output file's mtime and inode: a kept output has the same files, untouched. */
function fileTimes(dir = 'dist'): Record<string, [number, number]> {
  const base = join(site.root, dir);
  const files = (readdirSync(base, { recursive: true }) as string[]).filter((f) => statSync(join(base, f)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, [statSync(join(base, f)).mtimeMs, statSync(join(base, f)).ino]]));
}

async function expectKept(now: string, flags: string[] = []) {
  const bytes = site.snapshot('dist');
  const times = fileTimes();
  const out = await build(now, flags);
  expect(out).toMatch(kept);
  expect(out).toMatch(/fingerprint held/);
  expect(site.snapshot('dist')).toEqual(bytes);
  expect(fileTimes()).toEqual(times);
}

async function expectCold(now: string, flags: string[]) {
  rmSync(join(site.root, 'dist-cold'), { recursive: true, force: true });
  await build(now, flags, ['--no-cache', '--out', 'dist-cold']);
  const expected = site.snapshot('dist-cold');
  const actual = site.snapshot('dist');
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const file of Object.keys(expected)) expect(actual[file], file).toBe(expected[file]);
}

const article = 'content/posts/lesbos-arrivals.md';
const mtimeOf = (path: string) => statSync(join(site.root, path)).mtime;

interface Step {
  name: string;
  change: () => void;
  /** What --verbose names as the fingerprint's break. */
  reason: RegExp;
  now?: string;
  flags?: string[];
}

const steps: Step[] = [
  {
    name: 'an article edited to the same size, its mtime put back (the hash decides)',
    change: () => {
      const mtime = mtimeOf(article);
      site.edit(article, (t) => t.replace('Calm weather', 'Rough wind, '.slice(0, 'Calm weather'.length)));
      utimesSync(join(site.root, article), mtime, mtime);
    },
    reason: /fingerprint: content\/posts\/lesbos-arrivals\.md changed/,
  },
  { name: 'the config', change: () => site.edit('site.config.json', (t) => t.replace('"Fixture News"', '"Fixture Newsroom"')), reason: /fingerprint: no fingerprint/ },
  {
    name: 'a template override added',
    change: () => site.write('templates/partials/footer.hbs', `<footer class="site-footer"><p>Override for {{site.title}}</p></footer>\n`),
    reason: /fingerprint: templates\/partials\/footer\.hbs is new/,
  },
  { name: 'a static file added', change: () => site.write('content/static/press/contact.txt', 'Press desk: +30 210 000 0000\n'), reason: /content\/static\/press\/contact\.txt is new/ },
  { name: 'a static file edited', change: () => site.write('content/static/press/contact.txt', 'Press desk: +30 210 111 1111\n'), reason: /content\/static\/press\/contact\.txt changed/ },
  { name: 'an output file edited', change: () => writeFileSync(join(site.root, 'dist/about/index.html'), '<p>edited by hand</p>'), reason: /about\/index\.html in the output folder was edited or deleted/ },
  { name: 'an output file deleted', change: () => rmSync(join(site.root, 'dist/feed.xml')), reason: /feed\.xml in the output folder was edited or deleted/ },
  { name: 'the --drafts flag', change: () => undefined, flags: ['--drafts'], reason: /fingerprint: no fingerprint/ },
  // Europe/Athens: the embargoed article is dated 2024-12-15T08:00 there, 06:00Z.
  { name: 'the clock moved to the embargo day', change: () => undefined, now: '2024-12-15T05:00:00Z', reason: /fingerprint: the clock/ },
  { name: 'the clock moved past an embargoed article, the same day', change: () => undefined, now: '2024-12-15T07:00:00Z', reason: /fingerprint: the clock/ },
  { name: 'the clock moved to the next day', change: () => undefined, now: '2024-12-16T07:00:00Z', reason: /fingerprint: the clock/ },
];

describe('a build with nothing changed', { timeout: 240_000 }, () => {
  it('keeps the output untouched, and each kind of change makes a build that equals a cold one', async () => {
    site = copyFixture('newsroom', { ownTemplates: false, search: false });
    let now = '2024-11-10T12:00:00Z';
    let flags: string[] = [];
    expect(await build(now)).toMatch(built);
    await expectKept(now);
    for (const step of steps) {
      step.change();
      now = step.now ?? now;
      flags = step.flags ?? flags;
      const out = await build(now, flags);
      expect(out, step.name).toMatch(built);
      expect(out, step.name).toMatch(step.reason);
      await expectCold(now, flags);
      await expectKept(now, flags);
    }
    expect(site.read('dist/2024/12/embargoed/index.html')).toBeTruthy();
  });

  it('holds when files only got new stat data, as in a fresh checkout (the hash decides)', async () => {
    site = copyFixture('newsroom', { ownTemplates: false, search: false });
    const now = '2024-11-10T12:00:00Z';
    await build(now);
    const later = new Date(Date.now() + 60_000);
    for (const path of [article, 'content/pages/about.md', 'site.config.json']) utimesSync(join(site.root, path), later, later);
    await expectKept(now);
  });

  it('builds (and never fails) when the saved fingerprint is cut short', async () => {
    site = copyFixture('newsroom', { ownTemplates: false, search: false });
    const now = '2024-11-10T12:00:00Z';
    await build(now);
    const file = join(cacheDir(site.root), 'fingerprint.v8');
    truncateSync(file, statSync(file).size >> 1);
    site.edit(article, (t) => t.replace('Calm weather', 'Calm seas'));
    expect(await build(now)).toMatch(/fingerprint: no fingerprint/);
    await expectCold(now, []);
    await expectKept(now);
  });

  it('says the same warnings again as the build whose output it keeps', async () => {
    site = copyFixture('newsroom', { ownTemplates: false, search: false });
    site.write('content/posts/notes.txt', 'not an article');
    const now = '2024-11-10T12:00:00Z';
    const first = await build(now);
    expect(first).toMatch(/notes\.txt is not an article/);
    const second = await build(now);
    expect(second).toMatch(kept);
    expect(second).toMatch(/notes\.txt is not an article/);
    expect(second).toContain(`; ${/; (\d+) warnings;/.exec(first)![1]} warnings;`);
  });
});

// The built-in theme is an input too (the tests' sites use the repository's, outside their folder): it is listed whole.
it('lists the built-in theme among the inputs', async () => {
  site = copyFixture('newsroom', { ownTemplates: false, search: false });
  const listing = await listInputs(site.root);
  const paths = listing.other.map((f) => f.absPath);
  expect(paths).toContain(join(repoRoot, 'theme', 'partials', 'footer.hbs'));
  expect(paths).toContain(join(repoRoot, 'theme', 'pagefind', 'pagefind.js'));
  expect(listing.store.map((f) => f.path)).toContain(article);
});
