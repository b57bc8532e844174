import type { SiteConfig } from '../config/schema.js';
import type { SiteGraph } from '../graph/types.js';
import { escapeXml, xmlElement } from './escape-xml.js';
import { newestDate, toW3cDate } from './format-dates.js';
import type { GeneratedFile, PageInfo } from './generated-file.js';
import { renderNewsSitemap } from './news-sitemap.js';
import { toAbsoluteUrl } from '../paths/site-urls.js';

const sitemapNamespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';

interface SitemapEntry {
  loc: string;
  lastmod?: Date;
}

/**
 * `/sitemap.xml` listing every page but the 404 page and pages marked noindex;
 * past `sitemap.maxUrls` it becomes an index of `/sitemap-1.xml`, `/sitemap-2.xml`, …. Plus
 * `/news-sitemap.xml` when `sitemap.news` is on.
 */
export function renderSitemaps(graph: SiteGraph, config: SiteConfig, pages: PageInfo[]): GeneratedFile[] {
  const entries = pages
    .filter((p) => !p.noindex)
    .map((p) => ({ loc: toAbsoluteUrl(p.url, config.baseUrl), lastmod: p.lastmod }));
  const files = splitSitemap(entries, config);
  if (config.sitemap.news) files.push({ url: '/news-sitemap.xml', data: renderNewsSitemap(graph, config), origin: 'news sitemap' });
  return files;
}

function splitSitemap(entries: SitemapEntry[], config: SiteConfig): GeneratedFile[] {
  const max = config.sitemap.maxUrls;
  if (entries.length <= max) return [{ url: '/sitemap.xml', data: renderUrlset(entries), origin: 'sitemap' }];
  const parts: GeneratedFile[] = [];
  const index: SitemapEntry[] = [];
  for (let i = 0; i < entries.length; i += max) {
    const chunk = entries.slice(i, i + max);
    const url = `/sitemap-${parts.length + 1}.xml`;
    parts.push({ url, data: renderUrlset(chunk), origin: 'sitemap' });
    index.push({ loc: toAbsoluteUrl(url, config.baseUrl), lastmod: newestDate(chunk.map((e) => e.lastmod)) });
  }
  return [{ url: '/sitemap.xml', data: renderIndex(index), origin: 'sitemap index' }, ...parts];
}

function renderUrlset(entries: SitemapEntry[]): string {
  return wrap('urlset', entries.map((e) => renderEntry('url', e)));
}

function renderIndex(entries: SitemapEntry[]): string {
  return wrap('sitemapindex', entries.map((e) => renderEntry('sitemap', e)));
}

function renderEntry(element: string, e: SitemapEntry): string {
  const lastmod = e.lastmod ? `\n${xmlElement('lastmod', toW3cDate(e.lastmod), 4)}` : '';
  return `  <${element}>\n${xmlElement('loc', e.loc, 4)}${lastmod}\n  </${element}>`;
}

function wrap(root: string, children: string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<${root} xmlns="${escapeXml(sitemapNamespace)}">`, ...children, `</${root}>`, ''].join('\n');
}
