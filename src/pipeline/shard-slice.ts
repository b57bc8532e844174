import { hashOf } from '../text/hash.js';

/** One of `count` parts of a site (`--shard 2/8`): `index` runs from 1 to `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Which shard writes an output file: a stable hash of its path. The split
 * depends on nothing but the path and the count (not on route order, the
 * machine or the other files), and it mixes every kind of page into every
 * shard, so the shards' render times come out even (bench/RESULTS.md,
 * "Sharded builds", compares it with balanced ranges of sorted paths).
 */
export function shardOfPath(outputPath: string, count: number): number {
  return (Buffer.from(hashOf(outputPath), 'base64').readUInt32BE(0) % count) + 1;
}

/** Whether `shard` writes the file at `outputPath`. */
export function inShard(shard: Shard, outputPath: string): boolean {
  return shardOfPath(outputPath, shard.count) === shard.index;
}

/** `k/n` as written on the command line, or the reason it is not a shard. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return `expected k/n, such as 2/8 (got ${JSON.stringify(text)})`;
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1) return `the number of shards must be at least 1 (got ${count})`;
  if (index < 1 || index > count) return `the shard number must be from 1 to ${count} (got ${index}); shards are numbered from 1`;
  return { index, count };
}

export const formatShard = (shard: Shard): string => `${shard.index}/${shard.count}`;
