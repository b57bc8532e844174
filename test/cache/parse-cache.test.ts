import { lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir, loadParseCache, parseCacheFile, parseCacheKey } from '../../src/cache/parse-cache.js';
import { openRecordFile, recordChunks } from '../../src/cache/record-file.js';
import { generatorKey } from '../../src/cache/generator-key.js';
import { contentOptionsOf } from '../../src/content/parse-source.js';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// The parse cache is untrusted input (CI caches travel between branches): a
// crafted or corrupt one never crashes a build nor puts anything into a page.
// Search is off: the cache holds parsed sources, which the search index never reads.

let site: FixtureCopy;
afterEach(() => site?.cleanup());

const build = (outDir = 'dist', cache = true) => runBuild({ configPath: `${site.root}/site.config.json`, now: new Date('2024-11-10T12:00:00Z'), logger: silentLogger, workers: 0, outDir, cache });
const cacheFile = () => parseCacheFile(site.root);
type Stored = { format: string; entries: [string, { kind: string; post?: Record<string, unknown> }][] };
/** Decodes every record, lets `change` edit them, and writes the file back in its own format. */
const tamper = (change: (data: Stored) => void) => {
  const file = openRecordFile(cacheFile());
  if (!file || 'problem' in file) throw new Error(`no readable cache file: ${file?.problem}`);
  const data: Stored = { format: file.format, entries: [...file.keys()].map((key) => [key, deserialize(file.read(key)!) as Stored['entries'][number][1]]) };
  file.close();
  change(data);
  const records = data.entries.map(([key, value]) => ({ key, bytes: serialize(value) }));
  writeFileSync(cacheFile(), Buffer.concat([...recordChunks(data.format, records.map((r) => ({ key: r.key, length: r.bytes.byteLength, bytes: () => r.bytes })))]));
};
const lesbos = (data: Stored) => data.entries.find(([key]) => key.startsWith('content/posts/lesbos-arrivals.md\0'))![1].post!;

describe('the parse cache', () => {
  it('drops entries of the wrong shape and builds the same site', async () => {
    site = copyFixture('newsroom', { search: false });
    await build();
    tamper((data) => {
      lesbos(data).title = 42;
      lesbos(data).date = '2024-11-04';
      data.entries.push(['content/posts/samos-camp.md\0x', { kind: 'post', post: { sourcePath: 'content/posts/samos-camp.md', headings: 'none' } }]);
      data.entries.push(['junk' as never, null as never]);
    });
    expect((await build()).summary).toBeDefined();
    await build('dist-cold', false);
    expect(site.snapshot('dist')).toEqual(site.snapshot('dist-cold'));
  });

  it('ignores a well-formed entry written by other generator code', async () => {
    site = copyFixture('newsroom', { search: false });
    await build();
    tamper((data) => {
      data.format = data.format.replace(generatorKey(), 'another-branch');
      lesbos(data).html = '<script>alert(1)</script>';
    });
    await build();
    expect(site.read('dist/2024/11/lesbos-arrivals/index.html')).not.toContain('alert(1)');
  });

  it('survives a cache file that is not a cache at all', async () => {
    site = copyFixture('newsroom', { search: false });
    mkdirSync(cacheDir(site.root), { recursive: true });
    writeFileSync(cacheFile(), serialize({ format: 1, entries: 'x' }));
    writeFileSync(join(cacheDir(site.root), 'state.v8'), 'not v8 at all');
    expect((await build()).summary).toBeDefined();
  });

  it('parses everything again, with a warning naming the file, when the cache file is cut short or damaged', async () => {
    site = copyFixture('newsroom', { search: false });
    await build();
    const whole = readFileSync(cacheFile());
    const damaged = [whole.subarray(0, 10), whole.subarray(0, whole.length >> 1), whole.subarray(0, whole.length - 1), Buffer.concat([whole, Buffer.from('x')])];
    for (const [i, bytes] of damaged.entries()) {
      writeFileSync(cacheFile(), bytes);
      const warnings: string[] = [];
      const result = await runBuild({ configPath: `${site.root}/site.config.json`, now: new Date('2024-11-10T12:00:00Z'), logger: { ...silentLogger, warn: (m) => warnings.push(m) }, workers: 0, outDir: `dist-damaged-${i}` });
      expect(result.summary).toBeDefined();
      expect(warnings.join('\n')).toContain(`the parse cache could not be used, so every file is parsed again: ${cacheFile()}`);
      expect(site.snapshot(`dist-damaged-${i}`)).toEqual(site.snapshot('dist'));
    }
  });

  it('writes through a fresh, exclusively created temp file, never a planted symlink', async () => {
    site = copyFixture('newsroom', { search: false });
    const { config, root } = await loadConfig(`${site.root}/site.config.json`);
    mkdirSync(cacheDir(root), { recursive: true });
    const victim = join(site.root, 'victim.txt');
    writeFileSync(victim, 'keep me');
    // The names the old code used: `<file>.<pid>.tmp`.
    symlinkSync(victim, `${cacheFile()}.${process.pid}.tmp`);
    const cache = await loadParseCache(root, contentOptionsOf(config), generatorKey());
    cache.set(parseCacheKey('content/pages/about.md', 'h'), { kind: 'page', diagnostics: [] });
    await cache.save([parseCacheKey('content/pages/about.md', 'h')]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(cacheFile()).isFile()).toBe(true);
    expect(lstatSync(`${cacheFile()}.${process.pid}.tmp`).isSymbolicLink()).toBe(true);
    expect(readdirSync(cacheDir(root)).sort()).toEqual(['parsed.bin', `parsed.bin.${process.pid}.tmp`]);
  });
});
