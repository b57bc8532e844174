import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import { contentOptionsOf } from '../content/parse-source.js';
import { scanContent } from '../content/scan-content.js';
import { hasErrors, SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildSiteGraph } from '../graph/build-site-graph.js';
import type { Post, SiteGraph } from '../graph/types.js';
import type { Logger } from '../log.js';
import { renderOutputs } from '../outputs/render-outputs.js';
import { checkOutputPaths } from '../render/check-output-paths.js';
import { createHelperRegistry } from '../render/helper-registry.js';
import { loadTemplates } from '../render/load-templates.js';
import { toOutputPath } from '../render/output-path.js';
import { planRoutes, type PageRoute, type RoutePlan } from '../render/plan-routes.js';
import type { RenderedPage } from '../render/render-routes.js';
import type { GeneratedFile } from '../outputs/generated-file.js';
import { startSearchIndex } from '../outputs/search-index.js';
import { renderPages, toPageInfo } from './render-pages.js';
import { createTemplateEngine, type TemplateEngine } from '../render/template-engine.js';
import { createContentStore, type ParseMany } from './content-store.js';
import type { ParseCache } from './parse-cache.js';
import { describeChanges } from './describe-changes.js';
import { listStaticFiles } from './list-static-files.js';
import { mapLimited } from './map-limited.js';
import { parseInProcess } from './parse-in-process.js';
import { createSignatures } from './route-signatures.js';
import { writeChanges } from './write-changes.js';
import { writeOutputs, type Output } from './write-outputs.js';

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
}

export interface BuildSummary {
  pages: number;
  /** Pages rendered in this pass (all of them in a full build). */
  rendered: number;
  files: number;
  written: number;
  posts: number;
  tags: number;
  categories: number;
  skipped: { drafts: number; future: number };
  warnings: number;
  ms: number;
  outDir: string;
  /** Site-relative URLs whose output changed or disappeared. */
  changedUrls: string[];
  /** What the change was, for the watch log: `tags of content/posts/x.md changed (+greece −italy)`. */
  reason: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  summary?: BuildSummary;
  /** Milliseconds per stage, in run order. */
  timings: Record<string, number>;
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

/** What the last good pass left, for the next pass to compare against. */
interface Committed {
  engine: TemplateEngine;
  signatures: Map<string, string>;
  global: string;
  /** Every output path of the site → its URL. */
  urls: Map<string, string>;
  posts: Map<string, Post>;
  /** Article pages, for a deferred search index. */
  articles: { url: string; outputPath: string }[];
  /** Articles changed since the search index was last made. */
  searchStale: boolean;
}

type Stage = <T>(name: string, run: () => Promise<T>) => Promise<T>;

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

  /** The template engine, compiled again only when a template changed. */
  async function loadEngine(stage: Stage, diagnostics: Diagnostic[], changedTemplates: ReadonlySet<string> | undefined) {
    if (last && changedTemplates && ![...changedTemplates].some((p) => p.endsWith('.hbs'))) return last.engine;
    const made = await stage('templates', async () => createTemplateEngine(await loadTemplates(root), helpers));
    diagnostics.push(...made.diagnostics);
    return made.engine;
  }

  return {
    async refreshSearch() {
      const done = last;
      if (!done?.searchStale) return { diagnostics: [] };
      const indexer = startSearchIndex(config);
      await mapLimited(done.articles, 16, async (a) => indexer.add({ url: a.url, kind: 'post', html: await readFile(join(outDir, a.outputPath), 'utf8') }));
      const diagnostics: Diagnostic[] = [];
      const files = await collect(indexer.finish(), diagnostics);
      if (!files) return { diagnostics };
      const claims = files.map((f) => ({ path: toOutputPath(f.url)!, url: f.url, data: f.data }));
      const fresh = new Set(claims.map((c) => c.path));
      const removed = [...done.urls].filter(([path, url]) => url.startsWith('/pagefind/') && !fresh.has(path)).map(([path]) => path);
      const written = await writeChanges(outDir, claims, removed);
      for (const path of removed) done.urls.delete(path);
      for (const c of claims) done.urls.set(c.path, c.url);
      done.searchStale = false;
      return { changedUrls: written.changedPaths.map((p) => done.urls.get(p)!), diagnostics };
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

      const { scanned, content, graph } = await loadModel(stage, diagnostics, previous && changed);
      if (hasErrors(diagnostics)) return stop();
      const changedTemplates = previous && new Set([...changed!].filter((p) => p.startsWith('templates/')));
      const engine = await loadEngine(stage, diagnostics, changedTemplates);
      const plan = planRoutes(graph, config, await listStaticFiles(root, scanned.files));
      if (!engine || hasErrors(diagnostics)) return stop();

      const signatures = createSignatures({ graph, versions: content.versions });
      const routeSignatures = new Map(plan.pages.map((r) => [r.outputPath, signatures.route(r)]));
      const dirty = previous
        ? plan.pages.filter((r) => signatures.global !== previous.global || previous.signatures.get(r.outputPath) !== routeSignatures.get(r.outputPath) || usesAny(engine, r.layout, changedTemplates!))
        : plan.pages;

      const indexer = config.search.enabled && !options.deferSearch ? startSearchIndex(config) : undefined;
      // Pagefind's output depends on the order pages arrive in: stream them only when all render, in plan order.
      const rendered = await stage('render', () => collect(renderPages(dirty, graph, config, engine, previous ? undefined : indexer), diagnostics));
      if (!rendered) {
        await indexer?.abort();
        return stop();
      }
      const pages = toPageInfo(plan.pages, rendered, outDir);
      const generated = await stage('outputs', async () => renderOutputs(graph, config, pages));
      if (indexer) {
        if (previous) for (const page of pages) indexer.add(page);
        generated.push(...((await stage('search', () => collect(indexer.finish(), diagnostics))) ?? []));
      }
      const files = toOutputFiles(plan, rendered, generated);
      // A deferred search index stays until refreshSearch() replaces it.
      if (options.deferSearch) for (const [path, url] of previous?.urls ?? []) if (url.startsWith('/pagefind/')) files.urls.set(path, url);
      diagnostics.push(...checkOutputPaths(files.claims));
      if (hasErrors(diagnostics)) return stop();

      const removed = previous ? [...previous.urls.keys()].filter((p) => !files.urls.has(p)) : [];
      const written = await stage('write', () => (previous ? writeChanges(outDir, files.outputs, removed) : writeOutputs(outDir, files.outputs)));
      const posts = new Map(content.posts.map((p) => [p.sourcePath, p]));
      const articles = plan.pages.filter((r) => r.meta.kind === 'post').map((r) => ({ url: r.url, outputPath: r.outputPath }));
      const articlesChanged = !previous || rendered.some((r) => r.route.meta.kind === 'post') || articles.length !== previous.articles.length;
      last = { engine, signatures: routeSignatures, global: signatures.global, urls: files.urls, posts, articles, searchStale: !!options.deferSearch && config.search.enabled && (articlesChanged || !!previous?.searchStale) };
      return {
        diagnostics,
        timings,
        summary: {
          pages: plan.pages.length,
          rendered: rendered.length,
          files: files.outputs.length,
          written: written.written,
          posts: graph.posts.length,
          tags: graph.tags.length,
          categories: graph.categories.length,
          skipped: graph.skipped,
          warnings: diagnostics.filter((d) => d.severity === 'warning').length,
          ms: performance.now() - started,
          outDir,
          changedUrls: [...written.changedPaths.map((p) => files.urls.get(p)!), ...removed.map((p) => previous!.urls.get(p)!)].sort(),
          reason: previous ? describeChanges(changed!, previous.posts, posts) : 'full build',
        },
      };
    },
  };
}

/** Whether a layout (or the base layout around it) reads one of the changed templates. */
function usesAny(engine: TemplateEngine, layout: string, changed: ReadonlySet<string>): boolean {
  return [...engine.filesOf(layout), ...engine.filesOf('base')].some((f) => changed.has(f));
}

/** Every file of the site: pages rendered this pass, copies and generated files, with their URLs. */
function toOutputFiles(plan: RoutePlan, rendered: RenderedPage[], generated: GeneratedFile[]) {
  const generatedClaims = generated.map((g) => ({ ...g, outputPath: toOutputPath(g.url) ?? '' }));
  const outputs: Output[] = [
    ...rendered.map((r) => ({ path: r.route.outputPath, data: r.html })),
    ...plan.copies.map((c) => ({ path: c.outputPath, copyFrom: c.copyFrom })),
    ...generatedClaims.map((g) => ({ path: g.outputPath, data: g.data })),
  ];
  const urls = new Map<string, string>([
    ...plan.pages.map((r) => [r.outputPath, r.url] as const),
    ...plan.copies.map((c) => [c.outputPath, `/${c.outputPath}`] as const),
    ...generatedClaims.map((g) => [g.outputPath, g.url] as const),
  ]);
  return { outputs, urls, claims: [...plan.pages, ...plan.copies, ...generatedClaims] };
}

/** Waits for a stage that may throw SiteError, turning it into collected diagnostics. */
async function collect<T>(work: Promise<T>, diagnostics: Diagnostic[]): Promise<T | undefined> {
  try {
    return await work;
  } catch (e) {
    if (!(e instanceof SiteError)) throw e;
    diagnostics.push(...e.diagnostics);
    return undefined;
  }
}

function timer(logger: Logger, timings: Record<string, number>): Stage {
  return async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    timings[name] = performance.now() - t;
    logger.debug(`  ${name.padEnd(10)} ${timings[name].toFixed(1).padStart(8)} ms`);
    return result;
  };
}
