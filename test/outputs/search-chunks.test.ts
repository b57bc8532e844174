import { describe, expect, it } from 'vitest';
import { chunkCountFor, chunkOf, renderSearchEntry } from '../../src/outputs/search-chunks.js';

const urls = Array.from({ length: 2000 }, (_, i) => `/${2020 + (i % 7)}/${String((i % 12) + 1).padStart(2, '0')}/article-${i}/`);
const chunksOf = (list: string[], count: number) => new Map(list.map((u) => [u, chunkOf(u, count)]));

describe('search chunks', () => {
  it('has one chunk per chunkSize articles, rounded up, and always one', () => {
    expect([0, 1, 1000, 1001, 16000].map((n) => chunkCountFor(n, 1000))).toEqual([1, 1, 1, 2, 16]);
  });

  it('puts an article in the same chunk whatever else the site holds', () => {
    expect(chunksOf(urls, 16)).toEqual(chunksOf([...urls].reverse(), 16));
    expect(chunkOf('/2024/11/catania/', 7)).toBe(chunkOf('/2024/11/catania/', 7));
    expect(urls.every((u) => chunkOf(u, 5) >= 0 && chunkOf(u, 5) < 5)).toBe(true);
  });

  it('moves articles only between the chunk that splits and the new one when the count grows by one', () => {
    for (let count = 1; count < 20; count++) {
      const before = chunksOf(urls, count);
      const after = chunksOf(urls, count + 1);
      const moved = urls.filter((u) => before.get(u) !== after.get(u));
      // Linear hashing: chunk `count` is split off chunk `count - 2^level`.
      const level = 2 ** Math.floor(Math.log2(count));
      expect(new Set(moved.map((u) => before.get(u))), `${count} → ${count + 1}`).toEqual(new Set(moved.length ? [count - level] : []));
      expect(new Set(moved.map((u) => after.get(u)))).toEqual(new Set(moved.length ? [count] : []));
    }
  });

  it('keeps chunks within a factor of about two of each other', () => {
    for (const count of [3, 5, 8, 13, 16]) {
      const sizes = Array.from({ length: count }, () => 0);
      for (const u of urls) sizes[chunkOf(u, count)]++;
      expect(Math.max(...sizes) / Math.min(...sizes), `${count} chunks: ${sizes.join(', ')}`).toBeLessThan(2.6);
    }
  });

  it('lists the chunks that hold articles in the manifest', () => {
    const [manifest, module] = renderSearchEntry([0, 2, 3]);
    expect(module.url).toBe('/pagefind/pagefind.js');
    expect(manifest.url).toBe('/pagefind/chunks.json');
    expect(JSON.parse(manifest.data as string)).toEqual({ version: 2, chunks: ['chunks/0/', 'chunks/2/', 'chunks/3/'], words: 'words/' });
  });

  it('names no word index when one chunk holds every article', () => {
    expect(JSON.parse(renderSearchEntry([1])[0].data as string)).toEqual({ version: 2, chunks: ['chunks/1/'] });
  });
});
