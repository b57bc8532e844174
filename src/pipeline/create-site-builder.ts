import { resolve } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import { contentOptionsOf } from '../content/parse-source.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteGraph } from '../graph/types.js';
import type { Logger } from '../log.js';
import { renderOutputs } from '../outputs/render-outputs.js';
import { checkOutputPaths } from '../routes/check-output-paths.js';
import { createHelperRegistry } from '../render/helper-registry.js';
import { planRoutes, type PageRoute } from '../routes/plan-routes.js';
import type { RenderedPage } from '../render/render-routes.js';
import { renderPages, toPageInfo } from './render-pages.js';
import { createContentStore, type ParseMany } from './content-store.js';
import type { ParseCache } from '../cache/parse-cache.js';
import type { BuildStateStore } from '../cache/build-state.js';
import { describeChanges } from './describe-changes.js';
import { runBodyEditPass } from './body-edit.js';
import { collect, startPass, summarize, type BuildResult, type Committed, type Pass } from './build-pass.js';
import { listStaticFiles } from './list-static-files.js';
import { planSearch } from './search-step.js';
import { createSearchFeed } from './search-feed.js';
import { parseInProcess } from './parse-in-process.js';
import { lastPassBaseline, planRender, type Baseline } from './plan-render.js';
import { claimsOf, outputFilesOf, searchFolder } from './output-claims.js';
import { loadEngine, loadModel } from './load-site.js';
import { refreshSearchIndex } from './refresh-search.js';
import { loadSavedBaseline } from './saved-baseline.js';
import { writeChanges } from '../write/write-changes.js';
import { openOutputs } from '../write/write-outputs.js';

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
  /**
   * Leave the search index to refreshSearch() (serve --watch): Pagefind needs
   * every article each time, which would make each rebuild as slow as a full one.
   */
  deferSearch?: boolean;
  /** Where the last complete build's page signatures are kept, so the next build re-renders only what changed. */
  state?: BuildStateStore;
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
   * With deferSearch: indexes the article pages of the last good build and
   * updates `/pagefind/` in place. Returns the changed URLs, or undefined when
   * there is nothing to do or the index failed (its diagnostics are returned).
   */
  refreshSearch(): Promise<{ changedUrls?: string[]; diagnostics: Diagnostic[] }>;
  /** The site graph alone (for `graph` and `explain`), without rendering or writing. */
  loadGraph(): Promise<{ graph: SiteGraph; diagnostics: Diagnostic[] }>;
}

export function createSiteBuilder(options: SiteBuilderOptions): SiteBuilder {
  const { root, config, logger } = options;
  const outDir = resolve(root, config.outDir);
  const store = createContentStore(contentOptionsOf(config), options.parseMany ?? parseInProcess, options.cache);
  const helpers = createHelperRegistry(config);
  const loadInputs = { root, config, store, now: options.now, drafts: !!options.drafts, future: !!options.future };
  let last: Committed | undefined;

  /** One pass: each stage takes plain data from the ones before it; any error ends the pass with nothing written. */
  async function runPass(pass: Pass, changed: ReadonlySet<string> | undefined): Promise<BuildResult> {
    const { stage, diagnostics } = pass;
    const previous = changed === undefined ? undefined : last;
    // load → graph
    const model = await loadModel(loadInputs, stage, diagnostics, previous && changed);
    if (hasErrors(diagnostics)) return pass.stop();
    const changedTemplates = new Set([...(previous ? changed! : [])].filter((p) => p.startsWith('templates/')));
    const templatesSame = previous && ![...changedTemplates].some((p) => p.endsWith('.hbs'));
    const { engine, templatesKey } = await loadEngine(root, helpers, stage, diagnostics, templatesSame ? previous : undefined);
    if (!engine || hasErrors(diagnostics)) return pass.stop();
    // plan routes, and the outputs made from the graph alone (feeds, sitemaps, robots.txt, redirects)
    const statics = await listStaticFiles(root, model.files);
    diagnostics.push(...statics.diagnostics);
    const plan = planRoutes(model.graph, config, statics.files);
    const generated = await stage('outputs', async () => renderOutputs(model.graph, config, toPageInfo(plan.pages)));
    // check claims: collisions are found before anything renders
    diagnostics.push(...checkOutputPaths(claimsOf(plan, generated, config.search.enabled)));
    if (hasErrors(diagnostics)) return pass.stop();

    const saved = previous ? undefined : await loadSavedBaseline(options.state, templatesKey, outDir);
    const baseline: Baseline | undefined = previous ? lastPassBaseline(previous, engine, changedTemplates) : saved;
    const toRender = planRender(model.graph, model.content.versions, config.timeZone, plan.pages, baseline);
    const search = planSearch({ config, deferred: !!options.deferSearch, articleKey: toRender.articleKey, previous: saved?.search });

    // render into a sink: a full build writes pages into the new output as they render; a watch rebuild keeps its few until all succeeded
    const session = previous ? undefined : openOutputs(outDir);
    const fresh = new Set<PageRoute>(toRender.dirty);
    const feed = search.kind === 'index' ? createSearchFeed(search.indexer, plan.pages, fresh, outDir) : undefined;
    const kept: RenderedPage[] = [];
    const rendered = await stage('render', () =>
      collect(
        renderPages(toRender.dirty, model.graph, config, engine, {
          async onPage(page) {
            await feed?.rendered(page.route, page.html);
            if (session) await session.write({ path: page.route.outputPath, data: page.html });
            else kept.push(page);
          },
          onProgress: (done, total) => logger.progress?.('render', done, total),
        }).then(() => true),
        diagnostics,
      ),
    );
    // search
    const searchFiles = rendered && feed ? await stage('search', () => collect(feed.finish(), diagnostics)) : [];
    if (!rendered || !searchFiles) {
      await feed?.abort();
      await session?.abort();
      return pass.stop();
    }
    const keptSearch = search.kind === 'reuse' ? search.urls : options.deferSearch ? [...(previous?.urls ?? [])].filter(([, url]) => url.startsWith(`/${searchFolder}`)).map(([, url]) => url) : [];
    const files = outputFilesOf(plan, kept, fresh, [...generated, ...searchFiles], keptSearch);

    // write
    const removed = previous ? [...previous.urls.keys()].filter((p) => !files.urls.has(p)) : [];
    // An in-place rebuild changes the output behind the saved state.
    if (previous) await options.state?.discard();
    const written = await stage('write', () => (session ? session.commit(files.outputs) : writeChanges(outDir, files.outputs, removed)));
    // commit
    const searchUrls = search.kind === 'reuse' ? search.urls : searchFiles.map((g) => g.url);
    if (!previous) await options.state?.save({ templates: templatesKey, global: toRender.global, signatures: toRender.signatures, search: search.kind === 'off' ? undefined : { key: toRender.articleKey, urls: searchUrls } });
    const posts = new Map(model.content.posts.map((p) => [p.sourcePath, p]));
    const articles = plan.pages.filter((r) => r.meta.kind === 'post').map((r) => ({ url: r.url, outputPath: r.outputPath }));
    const articlesChanged = !previous || toRender.dirty.some((r) => r.meta.kind === 'post') || articles.length !== previous.articles.length;
    last = {
      engine,
      templatesKey,
      signatures: toRender.signatures,
      global: toRender.global,
      urls: files.urls,
      posts,
      articles,
      searchStale: !!options.deferSearch && config.search.enabled && (articlesChanged || !!previous?.searchStale),
      files: model.files,
      graph: model.graph,
      plan,
    };
    return pass.finish(
      summarize({
        graph: model.graph,
        pages: plan.pages.length,
        rendered: fresh.size,
        files: files.outputs.length + (session ? fresh.size : 0),
        written: written.written,
        diagnostics,
        started: pass.started,
        outDir,
        changedUrls: [...written.changedPaths.map((p) => files.urls.get(p)!), ...removed.map((p) => previous!.urls.get(p)!)],
        reason: previous ? describeChanges(changed!, previous.posts, posts) : 'full build',
      }),
    );
  }

  return {
    async build(changed) {
      const pass = startPass(logger);
      const previous = changed === undefined ? undefined : last;
      if (previous && (!config.search.enabled || options.deferSearch)) {
        const fast = await runBodyEditPass({ root, config, outDir, store, state: options.state }, previous, changed!, pass.stage, pass.started);
        if (fast) return { ...fast, timings: pass.timings };
      }
      return runPass(pass, changed);
    },
    refreshSearch: () => refreshSearchIndex(config, outDir, () => last),
    async loadGraph() {
      const pass = startPass(logger);
      const { graph } = await loadModel(loadInputs, pass.stage, pass.diagnostics, undefined);
      return { graph, diagnostics: pass.diagnostics };
    },
  };
}
