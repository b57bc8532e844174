import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ShardManifest } from './shard-manifest.js';
import { formatShard } from './shard-slice.js';

/** A shard's output folder as `merge` was given it, with its manifest. */
export interface GivenShard {
  /** As given on the command line, for messages. */
  dir: string;
  manifest: ShardManifest;
}

const sameAll = 'build every shard and run merge from the same commit, lockfile and site.config.json, with the same flags (--base-url, --drafts, --future, --now)';

/**
 * Whether the shards make one site: built by this generator, with one config
 * and one content (the site key), one split, every part exactly once, and no
 * file in two parts. Returns every problem found.
 */
export function checkShardSet(shards: GivenShard[], generator: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const name = (s: GivenShard) => `shard ${formatShard(s.manifest.shard)} (${s.dir})`;
  const first = shards[0];
  for (const s of shards) {
    const m = s.manifest;
    if (m.generator !== generator) {
      problems.push(error(codes.shardMismatch, `${name(s)} was built by a different version of migrant-site (its code or dependencies differ from this one's)`, { file: s.dir, hint: sameAll }));
    }
    if (s === first) continue;
    const differing = differingConfigKeys(first.manifest, m);
    if (differing.length > 0) {
      problems.push(error(codes.shardMismatch, `${name(s)} was built with a different config than ${name(first)}: ${differing.join(', ')} differ`, { file: s.dir, hint: sameAll }));
    } else if (m.site !== first.manifest.site) {
      problems.push(error(codes.shardMismatch, `${name(s)} was built from different content or another --now than ${name(first)}`, { file: s.dir, hint: sameAll }));
    }
    if (m.shard.count !== first.manifest.shard.count) {
      problems.push(error(codes.shardSetIncomplete, `${name(s)} is part of a split into ${m.shard.count}, ${name(first)} of a split into ${first.manifest.shard.count}`, { file: s.dir, hint: 'pass the shards of one build' }));
    }
  }
  if (problems.some((p) => p.code === codes.shardSetIncomplete)) return problems;
  return [...problems, ...checkParts(shards, name), ...checkOverlaps(shards, name)];
}

/** Every part 1…n exactly once. */
function checkParts(shards: GivenShard[], name: (s: GivenShard) => string): Diagnostic[] {
  const count = shards[0].manifest.shard.count;
  const byIndex = new Map<number, GivenShard>();
  const problems: Diagnostic[] = [];
  for (const s of shards) {
    const twin = byIndex.get(s.manifest.shard.index);
    if (twin) problems.push(error(codes.shardSetIncomplete, `${name(s)} is given twice: also as ${twin.dir}`, { file: s.dir, hint: 'pass each shard folder once' }));
    else byIndex.set(s.manifest.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    problems.push(
      error(codes.shardSetIncomplete, `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} of ${count} ${missing.length > 1 ? 'are' : 'is'} missing`, {
        hint: `pass all ${count} shard folders of the build to merge`,
      }),
    );
  }
  return problems;
}

/** No output file in two shards: the split gives each file to one. */
function checkOverlaps(shards: GivenShard[], name: (s: GivenShard) => string): Diagnostic[] {
  const owner = new Map<string, GivenShard>();
  const problems: Diagnostic[] = [];
  for (const s of shards) {
    for (const file of s.manifest.files) {
      const other = owner.get(file);
      if (other && problems.length < maxReported) {
        problems.push(error(codes.shardFiles, `${file} is in both ${name(other)} and ${name(s)}`, { file: s.dir, hint: 'each file belongs to one shard: pass the folders as `build --shard` wrote them' }));
      }
      owner.set(file, s);
    }
  }
  return problems;
}

const maxReported = 20;

function differingConfigKeys(a: ShardManifest, b: ShardManifest): string[] {
  const flags = (['drafts', 'future'] as const).filter((k) => a.config[k] !== b.config[k]).map((k) => `--${k}`);
  const sa = a.config.site as Record<string, unknown>;
  const sb = b.config.site as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].sort();
  return [...keys.filter((k) => JSON.stringify(sa[k]) !== JSON.stringify(sb[k])), ...flags];
}
