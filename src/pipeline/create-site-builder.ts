import { resolve } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import { contentOptionsOf } from '../content/parse-source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteGraph } from '../graph/types.js';
import type { Logger } from '../log.js';
import { createHelperRegistry } from '../render/helper-registry.js';
import type { ParseCache } from '../cache/parse-cache.js';
import type { SourceStats } from '../cache/source-stats.js';
import { recordOutputs } from '../cache/output-stats.js';
import type { BuildStateStore } from '../cache/build-state.js';
import type { ExternalFeedSource } from '../external-feeds/create-external-feed-source.js';
import { recoverOutputFolder } from '../write/swap-output.js';
import { runBodyEditPass } from './body-edit.js';
import { startPass, summarize, type BuildResult, type Committed, type Pass } from './build-pass.js';
import { createContentStore, type ParseMany } from './content-store.js';
import { describeChanges } from './describe-changes.js';
import { loadModel } from './load-site.js';
import { parseInProcess } from './parse-in-process.js';
import { createSearchRefresher, type SearchRefresh } from './refresh-search.js';
import type { RenderWorkers } from './render-workers.js';
import type { ShardTarget } from './shard-part.js';
import { commit, prepare, renderInto, signedLanguage, type PassContext, type Prepared, type Since } from './site-pass.js';
import { outputClockWindow } from './output-clock-window.js';
import { fingerprintOf, type FoundInputs } from './unchanged-build.js';

export interface SiteBuilderOptions {
  root: string;
  config: SiteConfig;
  /** The build's clock. */
  now: Date;
  drafts?: boolean;
  future?: boolean;
  logger: Logger;
  parseMany?: ParseMany;
  cache?: ParseCache;
  /** Source files' stat data at their last hash: unchanged files are not read again. */
  sources?: SourceStats;
  /**
   * Leave the search index to refreshSearch() (serve --watch): Pagefind needs
   * every article each time, which would make each rebuild as slow as a full one.
   */
  deferSearch?: boolean;
  /** Where the last complete build's page signatures are kept, so the next build re-renders only what changed. */
  state?: BuildStateStore;
  /** Headlines from other sites, for the theme's widgets. */
  externalFeeds?: ExternalFeedSource;
  /** Render and write one shard's part of the site; its search index is made by `merge`. */
  shard?: ShardTarget;
  /** Worker threads for large render passes. */
  renderWorkers?: RenderWorkers;
  /**
   * Whether later passes follow (default true): each pass then keeps what its
   * page signatures were made from, so the next hashes only the pages whose
   * inputs changed. A one-off build says false and keeps nothing it will not use.
   */
  rebuilds?: boolean;
  /** The inputs as found before the first pass read them: with `state`, a full pass saves its fingerprint (unchanged-build.ts). */
  fingerprint?: FoundInputs;
}

export interface SiteBuilder {
  /**
   * Builds the site. The first pass renders everything and swaps a complete
   * output folder in; later passes re-read the `changed` files (site-relative
   * paths), re-render only pages whose signature changed and update the
   * output folder in place. A pass with errors writes nothing and keeps the
   * previous state, so the next pass compares against the last good build.
   */
  build(changed?: ReadonlySet<string>): Promise<BuildResult>;
  /**
   * With deferSearch: indexes the article pages of the last good build, in
   * the search chunks whose articles changed since the last refresh, and
   * updates `/pagefind/` in place. Returns the changed URLs, or undefined when
   * there is nothing to do or the index failed (its diagnostics are returned).
   */
  refreshSearch(): Promise<SearchRefresh>;
  /** The site graph alone (for `graph` and `explain`), without rendering or writing. */
  loadGraph(): Promise<{ graph: SiteGraph; diagnostics: Diagnostic[] }>;
}

export function createSiteBuilder(options: SiteBuilderOptions): SiteBuilder {
  const { root, config, logger } = options;
  const outDir = resolve(root, config.outDir);
  const store = createContentStore(contentOptionsOf(config), options.parseMany ?? parseInProcess, options.cache, options.sources);
  const load = { root, config, store, now: options.now, drafts: !!options.drafts, future: !!options.future };
  // Each full pass sets the fingerprinted asset URLs before it renders; the `asset` helper reads them.
  const assets = { urls: new Map<string, string>() };
  const i18n = { translations: {} };
  const helpers = createHelperRegistry(config, (name) => assets.urls.get(name), () => i18n.translations);
  const ctx: PassContext = { load, config, outDir, logger, helpers, assets, i18n, deferSearch: !!options.deferSearch || !!options.shard, state: options.state, externalFeeds: options.externalFeeds, shard: options.shard, renderWorkers: options.renderWorkers, rebuilds: options.rebuilds ?? true };
  let last: Committed | undefined;
  const refreshSearch = createSearchRefresher(config, outDir);

  /** One pass as named stages over plain data; any error ends it with nothing written. */
  async function runPass(pass: Pass, since?: Since): Promise<BuildResult> {
    const ownDiagnostics = pass.diagnostics.length;
    const prepared = await prepare(ctx, pass, since);
    if (!prepared) return pass.stop();
    const rendered = await renderInto(ctx, pass, prepared, since);
    if (!rendered) return pass.stop();
    const removed = since ? [...since.last.urls.keys()].filter((path) => !rendered.files.urls.has(path)) : [];
    // Writing changes the output behind the saved state (a build killed halfway must not leave it vouching); a full pass saves it again.
    await options.state?.discard();
    const built = pass.diagnostics.slice(ownDiagnostics);
    const written = await pass.stage('write', () => rendered.write(removed));
    pass.diagnostics.push(...(written.warnings ?? []));
    const { toRender } = prepared;
    if (!since && options.state) {
      const outputs = await pass.stage('record', async () => recordOutputs(outDir, rendered.files.urls.keys(), prepared.savedOutputs && { ...prepared.savedOutputs, rewritten: new Set(written.changedPaths) }));
      const fingerprint = options.fingerprint && fingerprintOf(options.fingerprint, fingerprintFacts(prepared, built));
      await options.state.save({ templates: prepared.templatesKey, global: toRender.global, signatures: toRender.signatures, search: rendered.searchState, outputs }, fingerprint);
    }
    last = commit(ctx, prepared, rendered, since);
    return pass.finish(
      summarize({
        graph: prepared.model.graph,
        pages: prepared.plan.pages.length,
        rendered: rendered.fresh.size,
        files: rendered.files.outputs.length + (since || rendered.inPlace ? 0 : rendered.fresh.size),
        written: written.written,
        diagnostics: pass.diagnostics,
        started: pass.started,
        outDir,
        changedUrls: [...written.changedPaths.map((path) => rendered.files.urls.get(path)!), ...removed.map((path) => since!.last.urls.get(path)!)],
        reason: since ? describeChanges(since.changed, since.last.posts, last.posts) : 'full build',
      }),
    );
  }

  /** What the fingerprint records of a full pass besides its inputs. */
  function fingerprintFacts(p: Prepared, diagnostics: Diagnostic[]) {
    const { content, graph } = p.model;
    const input = { ...content, now: load.now, includeDrafts: load.drafts, includeFuture: load.future };
    return {
      versions: content.versions,
      clock: outputClockWindow(input, graph, config.timeZone),
      feeds: p.feedsKey,
      diagnostics,
      summary: { pages: p.plan.pages.length, posts: graph.posts.length, tags: graph.tags.length, categories: graph.categories.length, skipped: graph.skipped },
    };
  }

  return {
    async build(changed) {
      const pass = startPass(logger);
      const since = changed === undefined || !last ? undefined : { last, changed };
      // A build killed between its two renames left the old output aside: put it back first.
      if (!since) pass.diagnostics.push(...(await recoverOutputFolder(outDir)));
      if (since && (!config.search.enabled || options.deferSearch)) {
        const fast = await runBodyEditPass({ root, config, outDir, store, state: options.state, assets: assets.urls, ...signedLanguage(ctx) }, since.last, since.changed, pass.stage, pass.started);
        if (fast) {
          if (fast.next) last = fast.next;
          return { ...fast.result, timings: pass.timings };
        }
      }
      return runPass(pass, since);
    },
    refreshSearch: () => refreshSearch(() => last),
    async loadGraph() {
      const pass = startPass(logger);
      const { graph } = await loadModel(load, pass.stage, pass.diagnostics, undefined);
      return { graph, diagnostics: pass.diagnostics };
    },
  };
}
