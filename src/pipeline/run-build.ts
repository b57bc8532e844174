import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkOutDir } from '../config/check-out-dir.js';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import type { Logger } from '../log.js';
import { timer, type BuildResult } from './build-pass.js';
import type { SiteBuilder } from './create-site-builder.js';
import type { ParsePool } from './create-parse-pool.js';
import { cacheDir, loadParseCache } from '../cache/parse-cache.js';
import { createExternalFeedSource, type ExternalFeedSource } from '../external-feeds/create-external-feed-source.js';
import { buildStateFormat, createBuildStateStore, type BuildStateStore } from '../cache/build-state.js';
import { generatorKey } from '../cache/generator-key.js';
import { loadSourceStats, type SourceStats } from '../cache/source-stats.js';
import { toolVersion } from '../version.js';
import { templateFolders } from '../render/theme-files.js';
import { checkOutputFolder } from '../write/output-folder.js';
import { resolveNow } from './resolve-now.js';
import type { Shard } from './shard-slice.js';
import { checkUnchanged, type FoundInputs } from './unchanged-build.js';

export interface BuildOptions {
  configPath: string;
  outDir?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  /** The build's clock: what counts as "future", and the date pages show. Text (from `--now`) is read in the site's time zone. */
  now: Date | string;
  logger: Logger;
  /** Worker threads for markdown; 0 or 1 parses on the main thread. Default: one per core. */
  workers?: number;
  /** Reuse parsed content from `.cache/migrant-site/` (default true). */
  cache?: boolean;
  /** Leave the search index to the builder's refreshSearch() (serve --watch). */
  deferSearch?: boolean;
  /** Later builds follow, of the changed files (serve --watch). */
  rebuilds?: boolean;
  /** External feeds from their cached copies only: no network. */
  offline?: boolean;
  /** An external feed that cannot be fetched is an error, not a warning. */
  strict?: boolean;
  /** Use and save the last build's page signatures (default true); `check` builds elsewhere and leaves them alone. */
  buildState?: boolean;
  /** `--shard k/n`: render and write one part of the site, for `merge` to assemble. */
  shard?: Shard;
}

/** What a build opened before its builder: the config, and the caches its fingerprint check loaded. */
interface OpenedSite {
  config: SiteConfig;
  root: string;
  sources?: SourceStats;
  state?: BuildStateStore;
  /** The inputs as the fingerprint check found them, for the fingerprint this build saves. */
  found?: FoundInputs;
  /** The feeds the fingerprint check loaded: the build shows that load. */
  externalFeeds?: ExternalFeedSource;
}

/** Loads the config (flags override it) and makes a builder for the site it describes. */
export async function openSite(options: BuildOptions, pool: ParsePool, opened?: OpenedSite): Promise<{ builder: SiteBuilder; config: SiteConfig; root: string; templateFolders: string[] }> {
  const { config, root } = opened ?? (await loadSiteConfig(options));
  // Loaded here, not with this module: a build whose fingerprint holds never needs the parsers, templates or writers.
  const [{ createSiteBuilder }, { contentOptionsOf }] = await Promise.all([import('./create-site-builder.js'), import('../content/parse-source.js')]);
  // Both caches are keyed on the generator's own code: a changed helper must never be served from an old cache.
  const generator = generatorKey();
  const cache = options.cache === false ? undefined : await loadParseCache(root, contentOptionsOf(config), generator);
  if (cache?.problem) options.logger.warn(`warning: the parse cache could not be used, so every file is parsed again: ${cache.problem}`);
  const sources = opened?.sources ?? (options.cache === false ? undefined : await loadSourceStats(root));
  const state = opened?.state ?? stateStoreOf(options, config, root, generator);
  const externalFeeds = opened?.externalFeeds ?? openExternalFeeds(options, config, root);
  const builder = createSiteBuilder({ root, config, now: resolveNow(options.now, config.timeZone), drafts: options.drafts, future: options.future, logger: options.logger, parseMany: pool.parseMany, renderWorkers: pool.render, cache, sources, deferSearch: options.deferSearch, rebuilds: !!options.rebuilds, state, externalFeeds, shard: options.shard && { shard: options.shard, generator }, fingerprint: opened?.found });
  return { builder, config, root, templateFolders: templateFolders(root) };
}

function stateStoreOf(options: BuildOptions, config: SiteConfig, root: string, generator: string): BuildStateStore | undefined {
  if (options.cache === false || options.buildState === false) return undefined;
  return createBuildStateStore(root, buildStateFormat(generator, options.shard ? { config, shard: options.shard } : config, options));
}

/**
 * One complete build. Config and I/O failures throw SiteError; content and
 * template problems come back as diagnostics, and then nothing is written.
 * A build whose fingerprint holds (unchanged-build.ts) ends before parsing.
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const site = await loadSiteConfig(options);
  const early = await checkFingerprint(options, site, started);
  if ('result' in early) return early.result;
  const { createParsePool } = await import('./create-parse-pool.js');
  let onThreads = false;
  const pool = createParsePool(options.workers, (done, total) => {
    // Only a pass on the threads reports progress: said once, as the render stage says it.
    if (!onThreads) options.logger.debug(`  (parsing on ${pool.threads} worker threads)`);
    onThreads = true;
    options.logger.progress?.('parse', done, total);
  });
  try {
    const { builder } = await openSite(options, pool, early);
    const configMs = performance.now() - started;
    options.logger.debug(`  ${'config'.padEnd(10)} ${configMs.toFixed(1).padStart(8)} ms`);
    const result = await builder.build();
    if (result.summary) result.summary.ms += configMs;
    return { ...result, timings: { config: configMs, ...result.timings } };
  } finally {
    await pool.close();
  }
}

/** The saved state's fingerprint against the site as it is now: the kept output's result when it holds, else what the build needs to save the next one. */
async function checkFingerprint(options: BuildOptions, site: { config: SiteConfig; root: string }, started: number): Promise<{ result: BuildResult } | OpenedSite> {
  const { config, root } = site;
  const state = stateStoreOf(options, config, root, generatorKey());
  if (!state) return site;
  const configMs = performance.now() - started;
  const timings: Record<string, number> = {};
  const externalFeeds = openExternalFeeds(options, config, root);
  const { check, ...opened } = await timer(options.logger, timings)('fingerprint', async () => {
    const [sources, inputStats, saved] = await Promise.all([loadSourceStats(root), loadSourceStats(root, Date.now, 'inputs.v8'), state.loadFingerprint()]);
    const now = resolveNow(options.now, config.timeZone);
    const check = await checkUnchanged({ root, outDir: resolve(root, config.outDir), now, options, saved, sources, inputStats, externalFeeds, logger: options.logger, started });
    return { check, sources, state };
  });
  if (!check.held) return { ...site, ...opened, found: check.found, externalFeeds };
  options.logger.debug(`  ${'config'.padEnd(10)} ${configMs.toFixed(1).padStart(8)} ms`);
  return { result: { ...check.result, timings: { config: configMs, ...timings } } };
}

async function loadSiteConfig(options: BuildOptions): Promise<{ config: SiteConfig; root: string }> {
  const { config, root } = await loadConfig(options.configPath);
  if (options.baseUrl && !/^https?:\/\/[^/]/.test(options.baseUrl)) {
    throw new SiteError(
      error(codes.configInvalid, `--base-url must be an absolute http(s) URL (got ${JSON.stringify(options.baseUrl)})`, {
        hint: 'for example --base-url https://preview.example.org/news/',
      }),
    );
  }
  const overridden: SiteConfig = {
    ...config,
    outDir: options.outDir ?? config.outDir,
    baseUrl: options.baseUrl ? withSlash(options.baseUrl) : config.baseUrl,
  };
  await assertReplaceableOutDir(root, overridden.outDir);
  return { config: overridden, root };
}

/** Refuses an outDir (from the config or --out) that a build or `clean` must not replace. */
export async function assertReplaceableOutDir(root: string, outDir: string): Promise<void> {
  const unsafe = checkOutDir(root, outDir, homedir()) ?? (await checkOutputFolder(root, outDir));
  if (unsafe) throw new SiteError(unsafe);
}

function openExternalFeeds(options: BuildOptions, config: SiteConfig, root: string) {
  return createExternalFeedSource({
    config: config.externalFeeds,
    cacheDir: join(cacheDir(root), 'external-feeds'),
    userAgent: `migrant-site/${toolVersion} (+${config.baseUrl})`,
    offline: !!options.offline,
    strict: !!options.strict,
    logger: options.logger,
  });
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
