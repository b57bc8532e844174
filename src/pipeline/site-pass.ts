import type { SiteConfig } from '../config/schema.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Logger } from '../log.js';
import type { GeneratedFile } from '../outputs/generated-file.js';
import { renderOutputs } from '../outputs/render-outputs.js';
import type { HelperDef } from '../render/helper-registry.js';
import type { RenderedPage } from '../render/render-routes.js';
import type { TemplateEngine } from '../render/template-engine.js';
import { checkOutputPaths } from '../routes/check-output-paths.js';
import { planRoutes, type PageRoute, type RoutePlan } from '../routes/plan-routes.js';
import type { BuildStateStore } from '../cache/build-state.js';
import type { ExternalFeedSource } from '../external-feeds/create-external-feed-source.js';
import type { ExternalFeeds } from '../external-feeds/types.js';
import { resolveBodyRefs } from '../render/resolve-body-refs.js';
import { templateFolders } from '../render/theme-files.js';
import { needsOutputMarker } from '../write/output-folder.js';
import { writeChanges } from '../write/write-changes.js';
import { openOutputs, type WriteStats } from '../write/write-outputs.js';
import { collect, type Committed, type Pass } from './build-pass.js';
import { listBundleFiles } from './bundle-files.js';
import { fingerprintAssets } from './fingerprint-assets.js';
import { prepareImages } from '../images/prepare-images.js';
import { listStaticFiles } from './list-static-files.js';
import { loadEngine, loadModel, type LoadedModel, type LoadInputs } from './load-site.js';
import { claimsOf, outputFilesOf, searchFolder, type OutputFiles } from './output-claims.js';
import { lastPassBaseline, planRender, type RenderPlan } from './plan-render.js';
import { renderPages, renderThreads, toPageInfo, type RenderJob } from './render-pages.js';
import type { RenderWorkers } from './render-workers.js';
import { loadSavedBaseline, type SavedBaseline } from './saved-baseline.js';
import { createSearchFeed } from './search-feed.js';
import { planSearch, searchChunksOf, searchEntryOf, searchStateOf, type SearchPlan, type SearchState } from './search-step.js';
import type { ShardManifest } from './shard-manifest.js';
import { sliceForShard, withShardManifest, type ShardTarget } from './shard-part.js';
import type { SignatureInputs } from './route-signatures.js';
import { externalFeedsKey, noExternalFeeds } from './unchanged-build.js';
import { prepareTranslations } from './translations-step.js';
import type { Translations } from '../render/translations.js';

// The stages of a full or incremental pass, each over plain data:
// prepare (load → graph → templates → plan routes → other outputs → check
// claims → plan render), render into a sink (→ search), write, commit.

export interface PassContext {
  load: LoadInputs;
  config: SiteConfig;
  outDir: string;
  logger: Logger;
  helpers: Record<string, HelperDef>;
  /** Theme asset name → fingerprinted URL, set by each pass before it renders (the `asset` helper reads it). */
  assets: { urls: Map<string, string> };
  /** The theme's words in each language, set by each pass before it renders (the `t` helper reads them). */
  i18n: { translations: Translations };
  deferSearch: boolean;
  state?: BuildStateStore;
  externalFeeds?: ExternalFeedSource;
  /** `build --shard k/n`: render and write only this shard's part of the site. */
  shard?: ShardTarget;
  /** Worker threads for large render passes; without them every page renders on this thread. */
  renderWorkers?: RenderWorkers;
  /** Later passes follow (serve --watch): keep what each page's signature was made from, for the next pass to compare. */
  rebuilds?: boolean;
}

/** What the last good pass left and what changed since; absent for a full build. */
export interface Since {
  last: Committed;
  changed: ReadonlySet<string>;
}

export interface Prepared {
  model: LoadedModel;
  engine: TemplateEngine;
  templatesKey: string;
  plan: RoutePlan;
  /** Feeds, sitemaps, robots.txt, redirects: made from the graph alone, before rendering. */
  generated: GeneratedFile[];
  toRender: RenderPlan;
  search: SearchPlan;
  /** The last complete build's search chunks, when its files are all in the output folder. */
  savedSearch?: SearchState;
  externalFeeds: ExternalFeeds;
  /** What the external feeds' widgets show, for the fingerprint (see externalFeedsKey). */
  feedsKey: string;
  /** A shard build's manifest, without its file list (see shard-part.ts). */
  shardManifest?: Omit<ShardManifest, 'files'>;
  /** A full build's saved record of the output folder and the files still as recorded. */
  savedOutputs?: SavedBaseline['outputs'];
}

const articlesOf = (plan: RoutePlan) => plan.pages.filter((r) => r.meta.kind === 'post').map((r) => ({ url: r.url, outputPath: r.outputPath }));

/** Everything up to rendering; undefined when a problem stops the pass (in pass.diagnostics). */
export async function prepare(ctx: PassContext, pass: Pass, since?: Since): Promise<Prepared | undefined> {
  const { stage, diagnostics } = pass;
  // Other sites' feeds download while the content is read.
  const fetchingFeeds = stage('external', async () => (await ctx.externalFeeds?.load()) ?? noExternalFeeds);
  const model = await loadModel(ctx.load, stage, diagnostics, since?.changed, since?.last.graph);
  const loadedFeeds = await fetchingFeeds;
  const { feeds: externalFeeds, diagnostics: feedProblems } = loadedFeeds;
  diagnostics.push(...feedProblems);
  if (hasErrors(diagnostics)) return undefined;
  const folders = templateFolders(ctx.load.root);
  const changedTemplates = new Set([...(since?.changed ?? [])].filter((p) => folders.some((f) => p.startsWith(`${f}/`))));
  const templatesSame = since && ![...changedTemplates].some((p) => p.endsWith('.hbs'));
  const { engine, templatesKey } = await loadEngine(ctx.load.root, ctx.helpers, stage, diagnostics, templatesSame ? since.last : undefined);
  if (!engine || hasErrors(diagnostics)) return undefined;
  ctx.i18n.translations = prepareTranslations(ctx.load.root, ctx.config, model.graph, engine, diagnostics);
  if (hasErrors(diagnostics)) return undefined;
  // Links and shortcodes in bodies resolve against the graph before anything shows a body (pages, feeds, signatures).
  // A shortcode that throws is an error at its file like any other, not a rejected build.
  const refs = await collect(Promise.resolve().then(() => resolveBodyRefs([...model.graph.posts, ...model.graph.pages], model.graph, engine, ctx.config.baseUrl)), diagnostics);
  if (!refs) return undefined;
  diagnostics.push(...refs);
  const statics = listStaticFiles(ctx.load.root, model.files);
  diagnostics.push(...statics.diagnostics);
  const published = [...statics.files, ...listBundleFiles(model.graph.posts, model.files)];
  const images = await stage('images', () => prepareImages({ root: ctx.load.root, config: ctx.config, graph: model.graph, published }));
  diagnostics.push(...images.diagnostics);
  const assets = await fingerprintAssets([...published, ...images.files]);
  ctx.assets.urls = assets.urls;
  const plan = planRoutes(model.graph, ctx.config, assets.files);
  const generated = await stage('outputs', async () => renderOutputs(model.graph, ctx.config, toPageInfo(plan.pages)));
  // URL collisions, before anything renders.
  diagnostics.push(...checkOutputPaths(claimsOf(plan, generated, ctx.config.search.enabled)));
  if (hasErrors(diagnostics)) return undefined;
  const saved = since ? undefined : await stage('baseline', () => loadSavedBaseline(ctx.state, templatesKey, ctx.outDir));
  const baseline = since ? lastPassBaseline(since.last, engine, changedTemplates) : saved;
  const earlier = ctx.rebuilds ? (since?.last.signed ?? new Map()) : undefined;
  const toRender = await stage('plan', async () => planRender({ graph: model.graph, versions: model.content.versions, timeZone: ctx.config.timeZone, externalFeeds, assets: assets.urls, ...signedLanguage(ctx) }, plan.pages, baseline, earlier));
  ctx.logger.debug(`  (hashed ${toRender.hashed} of ${plan.pages.length} page signatures)`);
  const chunks = searchChunksOf(articlesOf(plan), toRender.signatures, ctx.config.search.chunkSize);
  const search = planSearch({ config: ctx.config, deferred: ctx.deferSearch, chunks, previous: saved?.search });
  const prepared: Prepared = { model, engine, templatesKey, plan, generated, toRender, search, savedSearch: saved?.search, externalFeeds, feedsKey: externalFeedsKey(loadedFeeds), savedOutputs: saved?.outputs };
  return ctx.shard ? sliceForShard(prepared, ctx.shard, ctx.config, ctx.load) : prepared;
}

export interface Rendered {
  /** Pages rendered this pass. */
  fresh: ReadonlySet<PageRoute>;
  /** The files to write (pages a full build already wrote into its new output are not among them). */
  files: OutputFiles;
  /** The search chunks to save for the next build (undefined with search off or deferred). */
  searchState?: SearchState;
  /** Writes the files: swaps a full build's new output in, or updates the served output in place. */
  write(removed: string[]): Promise<WriteStats>;
  /** A full build that updates the output folder in place (see updatesInPlace). */
  inPlace: boolean;
}

/**
 * Renders the pages that changed into a sink: a full build writes them into
 * its new output as they render, a watch rebuild keeps its few in memory until
 * all succeeded. The search index is fed in the same loop.
 */
export async function renderInto(ctx: PassContext, pass: Pass, p: Prepared, since?: Since): Promise<Rendered | undefined> {
  const inPlace = !since && updatesInPlace(p);
  const session = since || inPlace ? undefined : openOutputs(ctx.outDir, { marker: needsOutputMarker(ctx.load.root, ctx.config.outDir), known: p.savedOutputs?.same });
  const fresh = new Set<PageRoute>(p.toRender.dirty);
  const feed = p.search.kind === 'chunks' && p.search.indexer ? createSearchFeed(p.search.indexer, p.plan.pages, p.search.chunks, p.search.stale, fresh, ctx.outDir) : undefined;
  const kept: RenderedPage[] = [];
  const onPage = async (page: RenderedPage) => {
    await feed?.rendered(page.route, page.html);
    if (session) await session.write({ path: page.route.outputPath, data: page.html });
    else kept.push(page);
  };
  const onProgress = (done: number, total: number) => ctx.logger.progress?.('render', done, total);
  const job = renderJob(ctx, p, feed?.order(p.toRender.dirty));
  const threads = renderThreads(job);
  if (threads > 0) ctx.logger.debug(`  (rendering on ${threads} worker threads)`);
  const ok = await pass.stage('render', () => collect(renderPages(job, { onPage, onProgress }).then(() => true), pass.diagnostics));
  const searchFiles = ok && feed ? await pass.stage('search', () => collect(feed.finish(), pass.diagnostics)) : { chunks: new Map(), bundle: [] };
  if (!ok || !searchFiles) {
    await feed?.abort();
    await session?.abort();
    return undefined;
  }
  if (p.search.kind === 'chunks') ctx.logger.debug(`  search: ${p.search.stale.size} of ${p.search.chunks.length} chunks indexed`);
  const keptSearch = p.search.kind === 'chunks' ? p.search.kept : ctx.deferSearch ? previousSearchUrls(since) : [];
  const made = p.search.kind === 'chunks' ? [...searchFiles.bundle, ...[...searchFiles.chunks.values()].flat(), ...searchEntryOf(p.search.chunks)] : [];
  const planned = outputFilesOf(p.plan, kept, fresh, [...p.generated, ...made], keptSearch);
  const files = p.shardManifest ? withShardManifest(planned, p.shardManifest) : planned;
  // In place, the files the saved state lists that this build does not make go; anything else stays.
  const gone = inPlace ? p.savedOutputs!.saved.paths.filter((path) => !files.urls.has(path)) : [];
  const write = (removed: string[]) => (session ? session.commit(files.outputs) : writeChanges(ctx.outDir, files.outputs, [...removed, ...gone]));
  return { fresh, files, searchState: searchStateOf(p.search, p.savedSearch, searchFiles), write, inPlace };
}

/**
 * A full build whose saved state vouches for the output folder and that
 * re-renders at most this many pages (one CI change, not a site-wide one)
 * updates the folder in place, like a watch rebuild, instead of linking every
 * unchanged file into a new folder: that copy is what such a build would
 * otherwise spend most of its time on. Its pages are kept in memory until
 * all rendered, so the bound also caps the memory they take.
 */
const inPlacePages = 1000;

function updatesInPlace(p: Prepared): boolean {
  return !!p.savedOutputs && p.toRender.dirty.length <= inPlacePages;
}

/** `routes`: the pages to render in the order to render them, when not plan order (the search feed's, see search-feed.ts). */
function renderJob(ctx: PassContext, p: Prepared, routes = p.toRender.dirty): RenderJob {
  const { model, engine, templatesKey, externalFeeds } = p;
  return { routes, graph: model.graph, config: ctx.config, engine, templatesKey, externalFeeds, assets: ctx.assets.urls, translations: ctx.i18n.translations, workers: ctx.renderWorkers };
}

/** What the signatures need of the pass's language settings: the site's language, and the words of every language. */
export function signedLanguage(ctx: Pick<PassContext, 'config' | 'i18n'>): Pick<SignatureInputs, 'language' | 'translations'> {
  return { language: ctx.config.language, translations: ctx.i18n.translations };
}

/** A deferred search index stays as it is until refreshSearch() replaces it. */
function previousSearchUrls(since?: Since): string[] {
  return [...(since?.last.urls.values() ?? [])].filter((url) => url.startsWith(`/${searchFolder}`));
}

/** What the next pass compares against: this pass's signatures, output and graph. */
export function commit(ctx: PassContext, p: Prepared, r: Rendered, since?: Since): Committed {
  const articles = p.plan.pages.filter((route) => route.meta.kind === 'post').map((route) => ({ url: route.url, outputPath: route.outputPath }));
  const articlesChanged = !since || [...r.fresh].some((route) => route.meta.kind === 'post') || articles.length !== since.last.articles.length;
  return {
    engine: p.engine,
    templatesKey: p.templatesKey,
    signatures: p.toRender.signatures,
    signed: p.toRender.signed,
    global: p.toRender.global,
    urls: r.files.urls,
    posts: new Map(p.model.content.posts.map((post) => [post.sourcePath, post])),
    articles,
    searchStale: ctx.deferSearch && ctx.config.search.enabled && (articlesChanged || !!since?.last.searchStale),
    files: p.model.files,
    graph: p.model.graph,
    plan: p.plan,
    externalFeeds: p.externalFeeds,
  };
}
