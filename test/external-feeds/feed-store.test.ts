import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedStore } from '../../src/external-feeds/feed-store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'migrant-feed-store-'));
  dirs.push(dir);
  return join(dir, 'external-feeds');
};

const copy = { url: 'https://wire.example/rss', fetchedAt: '2026-11-30T10:00:00.000Z', etag: '"v1"', body: '<rss/>' };

describe('feed store', () => {
  it('keeps one file per feed, written whole, with no temp files left behind', async () => {
    const dir = tempDir();
    const store = createFeedStore(dir);
    await Promise.all([store.write('wire', copy), store.write('wire', { ...copy, etag: '"v2"' })]);
    expect(readdirSync(dir)).toEqual(['wire.json']);
    expect((await store.read('wire', copy.url))?.body).toBe('<rss/>');
  });

  it('gives no copy for another URL, a corrupt file or one with fields of the wrong type', async () => {
    const dir = tempDir();
    const store = createFeedStore(dir);
    await store.write('wire', copy);
    expect(await store.read('wire', 'https://other.example/rss')).toBeUndefined();
    writeFileSync(join(dir, 'wire.json'), '{"url": "https://wire.exa');
    expect(await store.read('wire', copy.url)).toBeUndefined();
    writeFileSync(join(dir, 'wire.json'), JSON.stringify({ ...copy, etag: { toString: 1 } }));
    expect(await store.read('wire', copy.url)).toBeUndefined();
  });
});
