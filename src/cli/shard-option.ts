import { InvalidArgumentError, Option } from 'commander';
import { parseShard, type Shard } from '../pipeline/shard-slice.js';

/** `build --shard k/n`; a malformed or out-of-range value is a usage error (exit 2) before anything is read. */
export function shardOption(): Option {
  return new Option('--shard <k/n>', 'build part k of n of the site (k from 1 to n) into the output folder, for `merge` to assemble').argParser(toShard);
}

function toShard(value: string): Shard {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}
