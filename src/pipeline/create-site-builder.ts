import { join, resolve } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import { contentOptionsOf } from '../content/parse-source.js';
import { scanContent } from '../content/scan-content.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildSiteGraph } from '../graph/build-site-graph.js';
import type { SiteGraph } from '../graph/types.js';
import type { Logger } from '../log.js';
import { renderOutputs } from '../outputs/render-outputs.js';
import { checkOutputPaths } from '../routes/check-output-paths.js';
import { createHelperRegistry } from '../render/helper-registry.js';
import { loadTemplates } from '../render/load-templates.js';
import { toOutputPath } from '../routes/output-path.js';
import { planRoutes, type PageRoute, type RoutePlan } from '../routes/plan-routes.js';
import type { RenderedPage } from '../render/render-routes.js';
import type { GeneratedFile } from '../outputs/generated-file.js';
import { readPage, renderPages, toPageInfo } from './render-pages.js';
import { createTemplateEngine, type TemplateEngine } from '../render/template-engine.js';
import { createContentStore, type ParseMany } from './content-store.js';
import type { ParseCache } from '../cache/parse-cache.js';
import { describeChanges } from './describe-changes.js';
import { runBodyEditPass } from './body-edit.js';
import { collect, summarize, timer, type BuildResult, type Committed, type Stage } from './build-pass.js';
import type { BuildStateStore } from '../cache/build-state.js';
import { hashOf } from '../text/hash.js';
import { listStaticFiles } from './list-static-files.js';
import { articleKeyOf, finishSearch, indexOutputFolder, planSearch } from './search-step.js';
import { parseInProcess } from './parse-in-process.js';
import { createSignatures } from './route-signatures.js';
import { writeChanges } from '../write/write-changes.js';
import { listOutputFiles, openOutputs, type Output } from '../write/write-outputs.js';

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
  let last: Committed | undefined;

  /** Scan, parse and link: the site graph, or the problems that prevent it. */
  async function loadModel(stage: Stage, diagnostics: Diagnostic[], changed: ReadonlySet<string> | undefined) {
    const scanned = await stage('scan', () => scanContent(root));
    diagnostics.push(...scanned.diagnostics);
    const content = await stage('parse', () => store.load(scanned.files, changed));
    diagnostics.push(...content.diagnostics);
    const built = await stage('graph', async () =>
      buildSiteGraph({ ...content, now: options.now, includeDrafts: !!options.drafts, includeFuture: !!options.future }, config),
    );
    diagnostics.push(...built.diagnostics);
    return { scanned, content, graph: built.graph };
  }

  /** The template engine, compiled again only when a template changed, and a key for the templates it was made from. */
  async function loadEngine(stage: Stage, diagnostics: Diagnostic[], changedTemplates: ReadonlySet<string> | undefined) {
    if (last && changedTemplates && ![...changedTemplates].some((p) => p.endsWith('.hbs'))) return { engine: last.engine, templatesKey: last.templatesKey };
    const templates = await loadTemplates(root);
    const made = await stage('templates', async () => createTemplateEngine(templates, helpers));
    diagnostics.push(...made.diagnostics);
    const templatesKey = hashOf(...[...templates.layouts, ...templates.partials].flatMap((t) => [t.file, t.source]));
    return { engine: made.engine, templatesKey };
  }

  /** The saved state of the last complete build, when its templates match and its output is still there. */
  async function usableState(templatesKey: string) {
    const state = await options.state?.load();
    if (!state || state.templates !== templatesKey) return undefined;
    const files = await listOutputFiles(outDir);
    const search = state.search && state.search.urls.every((u) => files.has(toOutputPath(u) ?? '')) ? state.search : undefined;
    return { ...state, files, search };
  }

  return {
    async refreshSearch() {
      const started = last;
      if (!started?.searchStale) return { diagnostics: [] };
      // Rebuilds may run meanwhile (they never touch Pagefind or /pagefind/): one that
      // changes articles marks its own state stale, and the next refresh catches up.
      started.searchStale = false;
      const diagnostics: Diagnostic[] = [];
      const files = await collect(indexOutputFolder(config, outDir, started.articles), diagnostics);
      if (!files) return { diagnostics };
      const current = last!;
      const claims = files.map((f) => ({ path: toOutputPath(f.url)!, url: f.url, data: f.data }));
      const fresh = new Set(claims.map((c) => c.path));
      const removed = [...current.urls].filter(([path, url]) => url.startsWith('/pagefind/') && !fresh.has(path)).map(([path]) => path);
      const written = await writeChanges(outDir, claims, removed);
      for (const path of removed) current.urls.delete(path);
      for (const c of claims) current.urls.set(c.path, c.url);
      return { changedUrls: written.changedPaths.map((p) => current.urls.get(p)!), diagnostics };
    },
    async loadGraph() {
      const diagnostics: Diagnostic[] = [];
      const { graph } = await loadModel(timer(logger, {}), diagnostics, undefined);
      return { graph, diagnostics };
    },
    async build(changed) {
      const started = performance.now();
      const timings: Record<string, number> = {};
      const stage = timer(logger, timings);
      const diagnostics: Diagnostic[] = [];
      const stop = (): BuildResult => ({ diagnostics, timings });
      const previous = changed === undefined ? undefined : last;
      if (previous && (!config.search.enabled || options.deferSearch)) {
        const fast = await runBodyEditPass({ root, config, outDir, store, state: options.state }, previous, changed!, stage, started);
        if (fast) return { ...fast, timings };
      }

      const { scanned, content, graph } = await loadModel(stage, diagnostics, previous && changed);
      if (hasErrors(diagnostics)) return stop();
      const changedTemplates = previous && new Set([...changed!].filter((p) => p.startsWith('templates/')));
      const { engine, templatesKey } = await loadEngine(stage, diagnostics, changedTemplates);
      const plan = planRoutes(graph, config, await listStaticFiles(root, scanned.files));
      if (!engine || hasErrors(diagnostics)) return stop();

      const signatures = createSignatures({ graph, versions: content.versions, timeZone: config.timeZone });
      const routeSignatures = new Map(plan.pages.map((r) => [r.outputPath, signatures.route(r)]));
      const saved = previous ? undefined : await usableState(templatesKey);
      const stale = (r: PageRoute): boolean => {
        const before = previous ?? saved;
        if (!before || before.global !== signatures.global || before.signatures.get(r.outputPath) !== routeSignatures.get(r.outputPath)) return true;
        return previous ? usesAny(engine, r.layout, changedTemplates!) : !saved!.files.has(r.outputPath);
      };
      const dirty = plan.pages.filter(stale);
      const articleKey = articleKeyOf(plan.pages, routeSignatures);
      const search = planSearch({ config, deferred: !!options.deferSearch, articleKey, previous: saved?.search, allRender: dirty.length === plan.pages.length });

      // A full build writes pages into the new output as they render; a watch rebuild keeps its few until all succeeded.
      const session = previous ? undefined : openOutputs(outDir);
      const kept: RenderedPage[] = [];
      const fresh = new Set<PageRoute>();
      const indexer = search.kind === 'index' && search.streamed ? search.indexer : undefined;
      const renderedAll = await stage('render', () =>
        collect(
          renderPages(dirty, graph, config, engine, {
            async onPage(page) {
              fresh.add(page.route);
              await indexer?.add({ url: page.route.url, kind: page.route.meta.kind, html: page.html });
              if (session) await session.write({ path: page.route.outputPath, data: page.html });
              else kept.push(page);
            },
            onProgress: (done, total) => logger.progress?.('render', done, total),
          }).then(() => true),
          diagnostics,
        ),
      );
      const abandon = async () => {
        if (search.kind === 'index') await search.indexer.abort();
        await session?.abort();
        return stop();
      };
      if (!renderedAll) return abandon();
      const inMemory = new Map(kept.map((p) => [p.route, p.html]));
      const pages = toPageInfo(plan.pages, (r) => inMemory.get(r) ?? readPage(session && fresh.has(r) ? session.pathOf(r.outputPath) : join(outDir, r.outputPath)));
      const generated = await stage('outputs', async () => renderOutputs(graph, config, pages));
      if (search.kind === 'index') generated.push(...((await stage('search', () => collect(finishSearch(search, pages), diagnostics))) ?? []));
      const files = toOutputFiles(plan, kept, fresh, generated, search.kind === 'reuse' ? search.urls : []);
      // A deferred search index stays until refreshSearch() replaces it.
      if (options.deferSearch) for (const [path, url] of previous?.urls ?? []) if (url.startsWith('/pagefind/')) files.urls.set(path, url);
      diagnostics.push(...checkOutputPaths(files.claims));
      if (hasErrors(diagnostics)) return abandon();

      const removed = previous ? [...previous.urls.keys()].filter((p) => !files.urls.has(p)) : [];
      // An in-place rebuild changes the output behind the saved state.
      if (previous) await options.state?.discard();
      const written = await stage('write', () => (session ? session.commit(files.outputs) : writeChanges(outDir, files.outputs, removed)));
      const searchUrls = search.kind === 'reuse' ? search.urls : generated.filter((g) => g.url.startsWith('/pagefind/')).map((g) => g.url);
      if (!previous) await options.state?.save({ templates: templatesKey, global: signatures.global, signatures: routeSignatures, search: search.kind === 'off' ? undefined : { key: articleKey, urls: searchUrls } });
      const posts = new Map(content.posts.map((p) => [p.sourcePath, p]));
      const articles = plan.pages.filter((r) => r.meta.kind === 'post').map((r) => ({ url: r.url, outputPath: r.outputPath }));
      const articlesChanged = !previous || [...fresh].some((r) => r.meta.kind === 'post') || articles.length !== previous.articles.length;
      last = {
        engine,
        templatesKey,
        signatures: routeSignatures,
        global: signatures.global,
        urls: files.urls,
        posts,
        articles,
        searchStale: !!options.deferSearch && config.search.enabled && (articlesChanged || !!previous?.searchStale),
        files: scanned.files,
        graph,
        plan,
      };
      return {
        diagnostics,
        timings,
        summary: summarize({
          graph,
          pages: plan.pages.length,
          rendered: fresh.size,
          files: files.outputs.length + (session ? fresh.size : 0),
          written: written.written,
          diagnostics,
          started,
          outDir,
          changedUrls: [...written.changedPaths.map((p) => files.urls.get(p)!), ...removed.map((p) => previous!.urls.get(p)!)],
          reason: previous ? describeChanges(changed!, previous.posts, posts) : 'full build',
        }),
      };
    },
  };
}

/** Whether a layout (or the base layout around it) reads one of the changed templates. */
function usesAny(engine: TemplateEngine, layout: string, changed: ReadonlySet<string>): boolean {
  return [...engine.filesOf(layout), ...engine.filesOf('base')].some((f) => changed.has(f));
}

/**
 * Every file of the site with its URL: pages rendered this pass, pages and
 * search files kept from the previous output, copies and generated files.
 */
function toOutputFiles(plan: RoutePlan, rendered: RenderedPage[], fresh: Set<PageRoute>, generated: GeneratedFile[], keptUrls: string[]) {
  const kept = keptUrls.map((url) => ({ url, outputPath: toOutputPath(url) ?? '', origin: 'search index' }));
  const generatedClaims = [...generated.map((g) => ({ ...g, outputPath: toOutputPath(g.url) ?? '' })), ...kept];
  const outputs: Output[] = [
    ...rendered.map((r) => ({ path: r.route.outputPath, data: r.html })),
    ...plan.pages.filter((r) => !fresh.has(r)).map((r) => ({ path: r.outputPath, unchanged: true as const })),
    ...kept.map((k) => ({ path: k.outputPath, unchanged: true as const })),
    ...plan.copies.map((c) => ({ path: c.outputPath, copyFrom: c.copyFrom })),
    ...generatedClaims.filter((g): g is GeneratedFile & { outputPath: string } => 'data' in g).map((g) => ({ path: g.outputPath, data: g.data })),
  ];
  const urls = new Map<string, string>([
    ...plan.pages.map((r) => [r.outputPath, r.url] as const),
    ...plan.copies.map((c) => [c.outputPath, `/${c.outputPath}`] as const),
    ...generatedClaims.map((g) => [g.outputPath, g.url] as const),
  ]);
  return { outputs, urls, claims: [...plan.pages, ...plan.copies, ...generatedClaims] };
}

