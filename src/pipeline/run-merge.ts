import { resolve } from 'node:path';
import { generatorKey } from '../cache/generator-key.js';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Logger } from '../log.js';
import { isInside } from '../paths/is-inside.js';
import { toOutputPath } from '../routes/output-path.js';
import { mapLimited } from '../write/map-limited.js';
import { needsOutputMarker } from '../write/output-folder.js';
import { recoverOutputFolder } from '../write/swap-output.js';
import { openOutputs, type OutputSession } from '../write/write-outputs.js';
import { timer } from './build-pass.js';
import { checkShardSet, type GivenShard } from './check-shard-set.js';
import { checkShardFiles, loadShards } from './load-shards.js';
import { assertReplaceableOutDir } from './run-build.js';
import { indexOutputFolder } from './search-step.js';

export interface MergeOptions {
  /** The shards' output folders, as given (relative to the current folder). */
  shardDirs: string[];
  /** Locates the site folder and the default output folder, as for `build`. */
  configPath: string;
  outDir?: string;
  logger: Logger;
}

export interface MergeSummary {
  shards: number;
  files: number;
  /** Files whose bytes differ from the previous output. */
  written: number;
  /** Articles in the search index (0 with search off). */
  indexed: number;
  outDir: string;
  ms: number;
  warnings: Diagnostic[];
}

/**
 * `merge`: checks that the shard folders make one site, copies their files
 * into a new output folder and makes the search index from the assembled
 * article pages, in site order, exactly as a single build feeds it; then
 * swaps the output in like a build (temp sibling, lock, nothing written
 * outside it, the previous output kept on any failure).
 */
export async function runMerge(options: MergeOptions): Promise<MergeSummary> {
  const started = performance.now();
  const stage = timer(options.logger, {});
  const { config, root } = await loadConfig(options.configPath);
  const outDir = options.outDir ?? config.outDir;
  await assertReplaceableOutDir(root, outDir);
  const target = resolve(root, outDir);
  refuseOverlap(target, options.shardDirs);
  const shards = await stage('check', async () => {
    const given = await loadShards(options.shardDirs);
    const problems = checkShardSet(given, generatorKey());
    if (problems.length === 0) problems.push(...(await checkShardFiles(given)));
    if (problems.length > 0) throw new SiteError(problems);
    return given;
  });
  const warnings = await recoverOutputFolder(target);
  const session = openOutputs(target, { marker: needsOutputMarker(root, outDir) });
  try {
    const files = await stage('copy', () => copyShards(session, shards, options.logger));
    const searchConfig: SiteConfig = { ...shards[0].manifest.config.site, outDir };
    const articles = searchConfig.search.enabled ? siteArticles(shards) : [];
    const search = searchConfig.search.enabled ? await stage('search', () => indexOutputFolder(searchConfig, session.pathOf('.'), articles)) : [];
    const stats = await stage('write', () => session.commit(search.map((g) => ({ path: toOutputPath(g.url) ?? '', data: g.data }))));
    return { shards: shards.length, files: files + search.length, written: stats.written, indexed: articles.length, outDir: target, ms: performance.now() - started, warnings: [...warnings, ...(stats.warnings ?? [])] };
  } catch (e) {
    await session.abort();
    throw e;
  }
}

/** Merging into a shard folder (or around one) would replace the input while it is read. */
function refuseOverlap(target: string, dirs: string[]): void {
  const clash = dirs.find((dir) => isInside(resolve(dir), target) || isInside(target, resolve(dir)));
  if (clash) {
    throw new SiteError(error(codes.mergeIntoShard, `the output folder ${target} is, holds or lies inside the shard folder ${clash}`, { hint: 'merge into a folder of its own, such as --out dist' }));
  }
}

async function copyShards(session: OutputSession, shards: GivenShard[], logger: Logger): Promise<number> {
  const files = shards.flatMap((s) => s.manifest.files.map((path) => ({ path, copyFrom: resolve(s.dir, path) })));
  let done = 0;
  await mapLimited(files, 32, async (file) => {
    await session.write(file);
    if (++done % 500 === 0 || done === files.length) logger.progress?.('merge', done, files.length);
  });
  return files.length;
}

/** Every article page of the site, in the order a single build feeds them to the search index. */
function siteArticles(shards: GivenShard[]): { url: string; outputPath: string }[] {
  return shards
    .flatMap((s) => s.manifest.articles)
    .sort((a, b) => a[0] - b[0])
    .map(([, url, outputPath]) => ({ url, outputPath }));
}
