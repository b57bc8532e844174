import type { SiteConfig } from '../config/schema.js';
import type { SiteGraph } from '../graph/types.js';
import type { PageInfo } from '../outputs/generated-file.js';
import type { PageRoute } from '../routes/plan-routes.js';
import { pageContext, renderRoutes, sharedContext, type RenderedPage } from '../render/render-routes.js';
import type { TemplateEngine } from '../render/template-engine.js';
import type { ExternalFeeds } from '../external-feeds/types.js';
import { hashOf } from '../text/hash.js';
import { createPageProjector, type NodeProjections } from './page-data.js';
import type { RenderSetup } from './render-worker.js';
import type { RenderWorkers } from './render-workers.js';
import type { Translations } from '../render/translations.js';

const chunkSize = 64;

export interface RenderSinks {
  /** Takes each page as it is rendered (written to disk, given to the search index), so pages need not stay in memory. */
  onPage(page: RenderedPage): Promise<void> | void;
  onProgress?(done: number, total: number): void;
}

export interface RenderJob {
  routes: PageRoute[];
  graph: SiteGraph;
  config: SiteConfig;
  engine: TemplateEngine;
  /** Identifies the engine's templates (for worker threads, which compile them once). */
  templatesKey: string;
  externalFeeds: ExternalFeeds;
  /** Theme asset name → fingerprinted URL, as the main thread's `asset` helper sees them. */
  assets: ReadonlyMap<string, string>;
  /** The words of every language, as the main thread's `t` helper sees them. */
  translations: Translations;
  workers?: RenderWorkers;
}

/**
 * Renders the routes in chunks, handing each page on in the order of
 * `job.routes` as it is done, so pages need not stay in memory; between chunks the event loop runs,
 * so writes and the search index's messages go out while the next chunk
 * renders. Throws SiteError on a template error.
 */
export async function renderPages(job: RenderJob, sinks: RenderSinks): Promise<void> {
  const { routes } = job;
  const chunks: PageRoute[][] = [];
  for (let i = 0; i < routes.length; i += chunkSize) chunks.push(routes.slice(i, i + chunkSize));
  const threads = renderThreads(job);
  const render = threads > 0 ? inWorkers(job, job.workers!) : inProcess(job);
  // Worker threads render a few chunks ahead while this thread hands pages on; chunk results are taken in order.
  // A chunk leaves the queue when taken: a settled promise holds its pages' HTML, and kept all, they held the whole site.
  const ahead = Math.max(1, 2 * threads);
  const inFlight: Promise<string[]>[] = [];
  let started = 0;
  const start = () => {
    const html = render(chunks[started++]);
    html.catch(() => undefined); // awaited in turn below; a failure is not unhandled while earlier chunks finish
    inFlight.push(html);
  };
  let done = 0;
  for (let i = 0; i < chunks.length; i++) {
    while (started < Math.min(chunks.length, i + ahead)) start();
    const html = await inFlight.shift()!;
    await Promise.all(chunks[i].map((route, j) => sinks.onPage({ route, html: html[j] })));
    sinks.onProgress?.((done += chunks[i].length), routes.length);
  }
}

/** How many worker threads render the job's pages; 0 when this thread renders them (a small pass, or no threads). */
export function renderThreads(job: RenderJob): number {
  return job.workers?.wants(job.routes.length) ? job.workers.threads : 0;
}

function inProcess(job: RenderJob): (routes: PageRoute[]) => Promise<string[]> {
  return async (routes) => renderRoutes(routes, job.graph, job.config, job.engine, job.externalFeeds).map((page) => page.html);
}

/** Each chunk goes to a thread as plain page contexts (see page-data.ts), with what the thread needs to render with the same templates (compiled here, loaded there). */
function inWorkers(job: RenderJob, workers: RenderWorkers): (routes: PageRoute[]) => Promise<string[]> {
  const shared = sharedContext(job.graph, job.config, job.externalFeeds);
  const assets = [...job.assets];
  const { translations } = job;
  const setup: RenderSetup = { key: hashOf(job.templatesKey, JSON.stringify(job.config), JSON.stringify(assets), JSON.stringify(translations)), templates: job.engine.sources, config: job.config, assets, translations };
  const nodes: NodeProjections = new Map();
  return (routes) => {
    const project = createPageProjector(nodes);
    const pages = routes.map((route) => ({ route: { layout: route.layout, origin: route.origin }, context: project(pageContext(route, shared)) }));
    return workers.render({ setup, pages });
  };
}

/** Every page of the plan, as the discovery outputs see it. */
export function toPageInfo(routes: PageRoute[]): PageInfo[] {
  return routes.map((route) => ({ url: route.url, kind: route.meta.kind, lastmod: route.lastmod, noindex: route.meta.noindex }));
}
