import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { problemsIn, runMain } from '../support/temp-site.js';

// `build --shard k/n` + `merge` must give exactly the site one build gives
// (search index included), and merge must refuse shards that do not make one
// site, leaving the previous output as it was.

const now = '--now=2024-11-10T12:00:00Z';
let site: FixtureCopy;
const cli = (...args: string[]) => runMain(site.root, args);
const manifestOf = (dir: string) => JSON.parse(site.read(`${dir}/.migrant-shard.json`)) as { files: string[]; shard: { index: number; count: number }; generator: string };

beforeAll(() => {
  // The built-in theme, and search on (the fixture's config): merge makes the Pagefind index,
  // here in three chunks of the 14 articles, as one build makes them.
  site = copyFixture('newsroom', { ownTemplates: false });
  site.edit('site.config.json', (t) => t.replace(/\}\s*$/, ', "search": { "chunkSize": 5 } }\n'));
});
afterAll(() => site.cleanup());

describe('sharded builds', { timeout: 240_000 }, () => {
  it('three shards and a merge give the site one build gives, every file byte for byte, and so does one shard', async () => {
    expect((await cli('build', now, '-q')).code).toBe(0);
    const single = site.snapshot('dist');
    expect(Object.keys(single)).toEqual(expect.arrayContaining(['index.html', 'feed.xml', 'sitemap.xml', 'robots.txt', '_headers', 'pagefind/pagefind-ui.js', 'pagefind/chunks.json', 'pagefind/chunks/0/pagefind.js', 'pagefind/chunks/2/pagefind.js']));

    for (const k of [1, 2, 3]) {
      const built = await cli('build', now, '--shard', `${k}/3`, '--out', `shard-${k}`);
      expect(problemsIn(built.stderr)).toEqual([]);
      expect(built.stdout).toMatch(new RegExp(`^built \\d+ pages \\(shard ${k}/3\\)`));
    }
    // Each shard holds a share of the pages, no search index, and files no other shard holds.
    const parts = [1, 2, 3].map((k) => manifestOf(`shard-${k}`));
    for (const part of parts) expect(part.files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(5);
    const all = parts.flatMap((p) => p.files);
    expect(new Set(all).size).toBe(all.length);
    expect(all.some((f) => f.startsWith('pagefind/'))).toBe(false);
    expect([...all].sort()).toEqual(Object.keys(single).filter((f) => !f.startsWith('pagefind/')));

    const merged = await cli('merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'merged');
    expect(problemsIn(merged.stderr)).toEqual([]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^merged 3 shards into .*merged: \d+ files \(\d+ changed\), search index of 14 articles; \d+ ms\n$/);
    expect(site.snapshot('merged')).toEqual(single);

    expect((await cli('build', now, '--shard', '1/1', '--out', 'whole')).code).toBe(0);
    const verbose = await cli('merge', 'whole', '--out', 'merged-one', '--verbose');
    expect(verbose.code).toBe(0);
    // --verbose: the time of each stage, as `build --verbose` prints them.
    for (const stage of ['check', 'copy', 'search', 'write']) expect(verbose.stdout).toMatch(new RegExp(`^  ${stage} +[\\d.]+ ms$`, 'm'));
    expect(site.snapshot('merged-one')).toEqual(single);
  });

  describe('merge refuses shards that do not make one site (exit 2, the output folder untouched)', () => {
    let before: Record<string, string>;
    beforeAll(async () => {
      // `dist` holds the last good site; each refused merge below must leave it as it is.
      before = site.snapshot('dist');
      expect((await cli('build', now, '--shard', '2/3', '--out', 'other-config', '--base-url', 'https://preview.example.org/')).code).toBe(0);
      expect((await cli('build', '--now=2024-11-12T12:00:00Z', '--shard', '2/3', '--out', 'other-day')).code).toBe(0);
      expect((await cli('build', now, '--shard', '2/4', '--out', 'other-split')).code).toBe(0);
      // A shard by another generator, one that shares a file with shard 1, one that lost a file.
      for (const copy of ['other-generator', 'overlapping', 'incomplete']) cpSync(join(site.root, copy === 'overlapping' ? 'shard-3' : 'shard-2'), join(site.root, copy), { recursive: true });
      site.edit('other-generator/.migrant-shard.json', (t) => t.replace(/"generator": "[^"]+"/, '"generator": "another"'));
      const shared = manifestOf('shard-1').files.find((f) => f.endsWith('.html'))!;
      cpSync(join(site.root, 'shard-1', shared), join(site.root, 'overlapping', shared));
      site.edit('overlapping/.migrant-shard.json', (t) => t.replace('"files": [', `"files": [\n  ${JSON.stringify(shared)},`));
      rmSync(join(site.root, 'incomplete', manifestOf('incomplete').files[0]));
    });

    it.each([
      ['a missing shard', ['shard-1', 'shard-3'], 'MS022', 'shard 2/3 of 3 is missing'],
      ['a shard given twice', ['shard-1', 'shard-2', 'shard-2', 'shard-3'], 'MS022', 'shard 2/3 (shard-2) is given twice: also as shard-2'],
      ['a shard of another split', ['shard-1', 'other-split', 'shard-3'], 'MS022', 'shard 2/4 (other-split) is part of a split into 4, shard 1/3 (shard-1) of a split into 3'],
      ['a shard built with another config', ['shard-1', 'other-config', 'shard-3'], 'MS021', 'shard 2/3 (other-config) was built with a different config than shard 1/3 (shard-1): baseUrl differ'],
      ['a shard built on another day', ['shard-1', 'other-day', 'shard-3'], 'MS021', 'shard 2/3 (other-day) was built from different content or another --now than shard 1/3 (shard-1)'],
      ['a shard built by another generator', ['shard-1', 'other-generator', 'shard-3'], 'MS021', 'shard 2/3 (other-generator) was built by a different version of migrant-site'],
      ['a file in two shards', ['shard-1', 'shard-2', 'overlapping'], 'MS023', 'is in both shard 1/3 (shard-1) and shard 3/3 (overlapping)'],
      ['a shard folder that lost a file', ['shard-1', 'incomplete', 'shard-3'], 'MS023', 'incomplete lacks 1 file its manifest lists'],
      ['a folder that is not a shard', ['shard-1', 'merged', 'shard-3'], 'MS020', 'merged has no .migrant-shard.json: it is not the output of `build --shard`'],
    ])('%s', async (_, dirs, code, message) => {
      const result = await cli('merge', ...dirs);
      expect(result.code).toBe(2);
      const line = result.stderr.split('\n').find((l) => l.includes(`error ${code} `));
      expect(line).toContain(message);
      expect(result.stderr).toContain('hint:');
      expect(site.snapshot('dist')).toEqual(before);
      expect(readdirSync(site.root).filter((name) => name.startsWith('.dist-'))).toEqual([]);
    });

    it('refuses an output folder inside a shard folder, before reading anything', async () => {
      const result = await cli('merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'shard-1/site');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('error MS024 the output folder');
      expect(existsSync(join(site.root, 'shard-1/site'))).toBe(false);
    });

    it('refuses a manifest it cannot read, naming the file', async () => {
      cpSync(join(site.root, 'shard-2'), join(site.root, 'garbled'), { recursive: true });
      writeFileSync(join(site.root, 'garbled/.migrant-shard.json'), '{"format": "migrant-site shard 1", "shard": {"index": 2}}');
      const result = await cli('merge', 'shard-1', 'garbled', 'shard-3');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('error MS020 garbled/.migrant-shard.json is not a shard manifest this migrant-site can read: a field is missing or has the wrong type');
    });
  });

  it.each([
    ['0/3', 'the shard number must be from 1 to 3 (got 0); shards are numbered from 1'],
    ['4/3', 'the shard number must be from 1 to 3 (got 4)'],
    ['a/b', 'expected k/n, such as 2/8 (got "a/b")'],
    ['1/0', 'the number of shards must be at least 1 (got 0)'],
  ])('--shard %s is a usage error: exit 2, nothing built', async (value, reason) => {
    const result = await cli('build', now, '--shard', value, '--out', 'never');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`option '--shard <k/n>' argument '${value}' is invalid. ${reason}`);
    expect(existsSync(join(site.root, 'never'))).toBe(false);
  });
});

// A shard's manifest is plain JSON other tools may read; pin the shape.
it('a shard manifest names its shard, generator and files', async () => {
  const s = copyFixture('newsroom', { ownTemplates: false, search: false });
  try {
    expect((await runMain(s.root, ['build', now, '--shard', '3/5', '--out', 'part'])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(s.root, 'part/.migrant-shard.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(manifest)).toEqual(['format', 'shard', 'generator', 'config', 'site', 'articles', 'files']);
    expect(manifest.shard).toEqual({ index: 3, count: 5 });
    expect((manifest.config as { site: object }).site).not.toHaveProperty('outDir');
  } finally {
    s.cleanup();
  }
});
