import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOfPath } from '../../src/pipeline/shard-slice.js';

describe('shard slices', () => {
  // 12,000 article-like paths: each of 8 shards gets within 10% of its 1,500 (the hash is fixed, so this cannot flake).
  const paths = Array.from({ length: 12_000 }, (_, i) => `${2000 + (i % 25)}/${String(1 + (i % 12)).padStart(2, '0')}/story-${i}/index.html`);

  it('gives every path to exactly one shard, evenly', () => {
    const counts = new Map<number, number>();
    for (const p of paths) {
      const owners = [1, 2, 3, 4, 5, 6, 7, 8].filter((index) => inShard({ index, count: 8 }, p));
      expect(owners).toHaveLength(1);
      counts.set(owners[0], (counts.get(owners[0]) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const n of counts.values()) expect(Math.abs(n - 1500)).toBeLessThan(150);
  });

  it('depends on the path and the count alone', () => {
    expect(paths.map((p) => shardOfPath(p, 8))).toEqual(paths.map((p) => shardOfPath(p, 8)));
    expect(new Set(paths.map((p) => shardOfPath(p, 1)))).toEqual(new Set([1]));
  });

  it.each([
    ['2/8', { index: 2, count: 8 }],
    [' 1/1 ', { index: 1, count: 1 }],
    ['0/3', 'the shard number must be from 1 to 3 (got 0); shards are numbered from 1'],
    ['4/3', 'the shard number must be from 1 to 3 (got 4); shards are numbered from 1'],
    ['1/0', 'the number of shards must be at least 1 (got 0)'],
    ['a/b', 'expected k/n, such as 2/8 (got "a/b")'],
    ['2', 'expected k/n, such as 2/8 (got "2")'],
    ['-1/3', 'expected k/n, such as 2/8 (got "-1/3")'],
  ])('reads --shard %j', (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });
});
