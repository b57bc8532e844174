import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import type { SiteGraph } from '../graph/types.js';
import type { RenderedPageInfo } from '../outputs/generated-file.js';
import type { SearchIndexer } from '../outputs/search-index.js';
import type { PageRoute } from '../render/plan-routes.js';
import { renderRoutes, type RenderedPage } from '../render/render-routes.js';
import type { TemplateEngine } from '../render/template-engine.js';

const chunkSize = 64;

/**
 * Renders the routes that need it, in chunks, handing each article to the
 * search index as it is done so Pagefind's process indexes on another core
 * while this one renders. Throws SiteError on a template error.
 */
export async function renderPages(
  routes: PageRoute[],
  graph: SiteGraph,
  config: SiteConfig,
  engine: TemplateEngine,
  indexer?: SearchIndexer,
  onProgress?: (done: number, total: number) => void,
): Promise<RenderedPage[]> {
  const rendered: RenderedPage[] = [];
  for (let i = 0; i < routes.length; i += chunkSize) {
    for (const page of renderRoutes(routes.slice(i, i + chunkSize), graph, config, engine)) {
      rendered.push(page);
      indexer?.add({ url: page.route.url, kind: page.route.meta.kind, html: page.html });
    }
    onProgress?.(rendered.length, routes.length);
    // Lets the search index's messages go out between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rendered;
}

/**
 * Every page, as the discovery outputs see it. Pages this pass did not render
 * are unchanged on disk, so their HTML is read from there, and only if asked for.
 */
export function toPageInfo(routes: PageRoute[], rendered: RenderedPage[], outDir: string): RenderedPageInfo[] {
  const fresh = new Map(rendered.map((r) => [r.route, r]));
  return routes.map((route) => {
    const base = { url: route.url, kind: route.meta.kind, lastmod: route.lastmod, noindex: route.meta.noindex };
    const page = fresh.get(route);
    if (page) return { ...base, html: page.html };
    return Object.defineProperty(base, 'html', { enumerable: true, get: () => readFileSync(join(outDir, route.outputPath), 'utf8') }) as RenderedPageInfo;
  });
}
