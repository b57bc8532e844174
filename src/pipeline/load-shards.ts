import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { listOutputFiles } from '../write/write-outputs.js';
import type { GivenShard } from './check-shard-set.js';
import { parseShardManifest, shardManifestName } from './shard-manifest.js';

const asShardBuild = 'pass the folders that `migrant-site build --shard k/n --out <folder>` wrote';

/** Reads each folder's manifest; a folder without a readable one is an error naming it. */
export async function loadShards(dirs: string[]): Promise<GivenShard[]> {
  const problems: Diagnostic[] = [];
  const shards: GivenShard[] = [];
  for (const dir of dirs) {
    const file = join(dir, shardManifestName);
    const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => e);
    if (text instanceof Error) {
      const reason = text.code === 'ENOENT' ? `has no ${shardManifestName}: it is not the output of \`build --shard\`` : `cannot be read (${text.code ?? text.message})`;
      problems.push(error(codes.shardNotABuild, `${dir} ${reason}`, { file: dir, hint: asShardBuild }));
      continue;
    }
    const manifest = parseShardManifest(text);
    if (typeof manifest === 'string') problems.push(error(codes.shardNotABuild, `${file} is not a shard manifest this migrant-site can read: ${manifest}`, { file, hint: asShardBuild }));
    else shards.push({ dir, manifest });
  }
  if (problems.length > 0) throw new SiteError(problems);
  return shards;
}

/** Each folder holds exactly the files its manifest lists (an upload or download cut short shows here, not as a missing page on the live site). */
export async function checkShardFiles(shards: GivenShard[]): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const s of shards) {
    const present = await listOutputFiles(s.dir);
    present.delete(shardManifestName);
    const listed = new Set(s.manifest.files);
    const missing = s.manifest.files.filter((f) => !present.has(f));
    const extra = [...present].filter((f) => !listed.has(f)).sort();
    const some = (files: string[]) => `${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;
    if (missing.length > 0) {
      problems.push(error(codes.shardFiles, `${s.dir} lacks ${missing.length} ${missing.length === 1 ? 'file' : 'files'} its manifest lists: ${some(missing)}`, { file: s.dir, hint: 'the folder is incomplete (a cut-short upload or download?): build or fetch the shard again' }));
    }
    if (extra.length > 0) {
      problems.push(error(codes.shardFiles, `${s.dir} holds ${extra.length} ${extra.length === 1 ? 'file' : 'files'} its manifest does not list: ${some(extra)}`, { file: s.dir, hint: 'pass the folder as `build --shard` wrote it' }));
    }
  }
  return problems;
}
