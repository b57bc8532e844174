import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir, loadParseCache, parseCacheKey } from '../../src/cache/parse-cache.js';
import { openSpillFile } from '../../src/cache/spill-file.js';
import type { ContentOptions, ParsedSource } from '../../src/content/parse-source.js';

// Entries a build parses wait for the cache's save in a spill file, not in
// memory; what is read back is what was set, and nothing is left behind.

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string, path = 'content/pages/a.md'): ParsedSource => ({ kind: 'page', diagnostics: [], page: { sourcePath: path, slug: 'a', title, description: '', html: `<p>${title}</p>`, positions: {} } });
const options = {} as ContentOptions;

describe('the spill file', () => {
  it('gives back the bytes put into it, leaves no file in its folder, and reads nothing once closed', () => {
    dir = mkdtempSync(join(tmpdir(), 'migrant-site-spill-'));
    const spill = openSpillFile(dir)!;
    const first = spill.put(Buffer.from('first record'))!;
    const second = spill.put(Buffer.from('second'))!;
    expect(readdirSync(dir)).toEqual([]);
    expect(Buffer.from(second()!).toString()).toBe('second');
    expect(Buffer.from(first()!).toString()).toBe('first record');
    spill.close();
    expect(first()).toBeUndefined();
  });

  it('is not made where its folder cannot be: the caller keeps the bytes in memory', () => {
    dir = mkdtempSync(join(tmpdir(), 'migrant-site-spill-'));
    writeFileSync(join(dir, 'file'), 'not a folder');
    expect(openSpillFile(join(dir, 'file'))).toBeUndefined();
  });
});

describe('entries the parse cache was given this build', () => {
  it('read back as they were set, before and after the save, with no spill file left', async () => {
    dir = mkdtempSync(join(tmpdir(), 'migrant-site-spill-'));
    const cache = await loadParseCache(dir, options, 'generator');
    const [a, b] = [parseCacheKey('content/pages/a.md', 'h1'), parseCacheKey('content/pages/b.md', 'h2')];
    cache.set(a, page('Arrivals'));
    cache.set(b, page('Border', 'content/pages/b.md'));
    expect(cache.get(b)).toEqual(page('Border', 'content/pages/b.md'));
    expect(cache.get(a)).toEqual(page('Arrivals'));
    await cache.save([a]);
    expect(readdirSync(cacheDir(dir))).toEqual(['parsed.bin']);
    expect(cache.get(a)).toEqual(page('Arrivals'));
    expect(cache.get(b)).toBeUndefined();
    const reloaded = await loadParseCache(dir, options, 'generator');
    expect(reloaded.get(a)).toEqual(page('Arrivals'));
  });

  it('stay in memory when the cache folder cannot hold a spill file, and still save nowhere harmful', async () => {
    dir = mkdtempSync(join(tmpdir(), 'migrant-site-spill-'));
    // `.cache/migrant-site` is a file: nothing can be made inside it.
    rmSync(cacheDir(dir), { recursive: true, force: true });
    writeFileSync(join(dir, '.cache'), 'in the way');
    const cache = await loadParseCache(dir, options, 'generator');
    const key = parseCacheKey('content/pages/a.md', 'h1');
    cache.set(key, page('Arrivals'));
    expect(cache.get(key)).toEqual(page('Arrivals'));
    await cache.save([key]);
    expect(cache.get(key)).toEqual(page('Arrivals'));
  });
});
