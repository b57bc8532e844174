import type { SiteConfig } from '../config/schema.js';
import { windowAround, type ClockWindow } from '../graph/clock-window.js';
import type { SiteGraph } from '../graph/types.js';
import { xmlElement } from './escape-xml.js';
import { toW3cDate } from './format-dates.js';
import { toAbsoluteUrl } from '../paths/site-urls.js';

const hours48 = 48 * 3_600_000;
// Google News reads at most 1,000 URLs per news sitemap.
const maxNewsUrls = 1000;

/**
 * Google News sitemap: articles published in the 48 hours up to the build's
 * clock (inclusive at both ends), newest first as the graph keeps them. Future articles, present only
 * with `--future`, are never listed.
 */
export function renderNewsSitemap(graph: SiteGraph, config: SiteConfig): string {
  const now = graph.now.getTime();
  const recent = graph.posts
    .filter((p) => p.date.getTime() <= now && now - p.date.getTime() <= hours48)
    .slice(0, maxNewsUrls);
  const language = toNewsLanguage(config.language);
  const urls = recent.map((p) =>
    [
      '  <url>',
      xmlElement('loc', toAbsoluteUrl(p.url, config.baseUrl), 4),
      '    <news:news>',
      '      <news:publication>',
      xmlElement('news:name', config.title, 8),
      xmlElement('news:language', language, 8),
      '      </news:publication>',
      xmlElement('news:publication_date', toW3cDate(p.date), 6),
      xmlElement('news:title', p.title, 6),
      '    </news:news>',
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** The clock window of renderNewsSitemap: an article enters at its date and leaves 48 hours (and one millisecond) later. */
export function newsSitemapWindow(graph: SiteGraph): ClockWindow {
  return windowAround(graph.now.getTime(), graph.posts.flatMap((p) => [p.date.getTime(), p.date.getTime() + hours48 + 1]));
}

/**
 * Google News wants an ISO 639 code, except zh-cn (Simplified) and zh-tw
 * (Traditional) for Chinese: `en-GB` → `en`, `zh-Hant-HK` → `zh-tw`.
 */
export function toNewsLanguage(tag: string): string {
  const [primary, ...rest] = tag.toLowerCase().split('-');
  if (primary !== 'zh') return primary;
  return rest.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s)) ? 'zh-tw' : 'zh-cn';
}
