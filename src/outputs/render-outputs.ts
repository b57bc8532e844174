import type { SiteConfig } from '../config/schema.js';
import type { SiteGraph } from '../graph/types.js';
import { renderFeeds } from './feeds.js';
import type { GeneratedFile, RenderedPageInfo } from './generated-file.js';
import { renderRedirects } from './redirects.js';
import { renderRobots } from './robots.js';
import { renderSearchIndex } from './search-index.js';
import { renderSitemaps } from './sitemaps.js';

/** Every non-template output of the site, from the graph and the rendered pages. */
export async function renderOutputs(graph: SiteGraph, config: SiteConfig, pages: RenderedPageInfo[]): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  files.push(...renderFeeds(graph, config));
  files.push(...renderSitemaps(graph, config, pages));
  files.push(renderRobots(config));
  files.push(...renderRedirects(graph, config));
  files.push(...(await renderSearchIndex(pages, config)));
  return files;
}
