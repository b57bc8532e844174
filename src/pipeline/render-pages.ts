import type { SiteConfig } from '../config/schema.js';
import type { SiteGraph } from '../graph/types.js';
import type { PageInfo } from '../outputs/generated-file.js';
import type { PageRoute } from '../routes/plan-routes.js';
import { renderRoutes, type RenderedPage } from '../render/render-routes.js';
import type { TemplateEngine } from '../render/template-engine.js';
import type { ExternalFeeds } from '../external-feeds/types.js';

const chunkSize = 64;

export interface RenderSinks {
  /** Takes each page as it is rendered (written to disk, given to the search index), so pages need not stay in memory. */
  onPage(page: RenderedPage): Promise<void> | void;
  onProgress?(done: number, total: number): void;
}

/**
 * Renders the routes in chunks, handing each page on as it is done; between
 * chunks the event loop runs, so writes and the search index's messages go
 * out while the next chunk renders. Throws SiteError on a template error.
 */
export async function renderPages(routes: PageRoute[], graph: SiteGraph, config: SiteConfig, engine: TemplateEngine, externalFeeds: ExternalFeeds, sinks: RenderSinks): Promise<void> {
  for (let i = 0; i < routes.length; i += chunkSize) {
    const pages = renderRoutes(routes.slice(i, i + chunkSize), graph, config, engine, externalFeeds);
    await Promise.all(pages.map((page) => sinks.onPage(page)));
    sinks.onProgress?.(Math.min(i + chunkSize, routes.length), routes.length);
  }
}

/** Every page of the plan, as the discovery outputs see it. */
export function toPageInfo(routes: PageRoute[]): PageInfo[] {
  return routes.map((route) => ({ url: route.url, kind: route.meta.kind, lastmod: route.lastmod, noindex: route.meta.noindex }));
}
