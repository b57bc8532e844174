import type { SiteConfig } from '../config/schema.js';
import type { SiteGraph } from '../graph/types.js';
import { renderFeeds } from './feeds.js';
import type { GeneratedFile, PageInfo } from './generated-file.js';
import { renderRedirects } from './redirects.js';
import { renderHeaders } from './headers.js';
import { renderRobots } from './robots.js';
import { renderSitemaps } from './sitemaps.js';

/** Feeds, sitemaps, robots.txt, redirects and _headers, from the graph and the list of pages (the search index is fed while pages render). */
export function renderOutputs(graph: SiteGraph, config: SiteConfig, pages: PageInfo[]): GeneratedFile[] {
  return [...renderFeeds(graph, config), ...renderSitemaps(graph, config, pages), renderRobots(config), ...renderRedirects(graph, config), renderHeaders(config)];
}
