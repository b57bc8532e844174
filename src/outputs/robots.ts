import type { SiteConfig } from '../config/schema.js';
import type { GeneratedFile } from './generated-file.js';
import { toAbsoluteUrl, toSiteUrl } from '../paths/site-urls.js';

/**
 * `/robots.txt`: one group for every crawler. With nothing disallowed it says
 * `Disallow:` (empty), the standard "allow everything" form. Paths are
 * site-relative and get the base path; the sitemaps are listed by absolute URL.
 */
export function renderRobots(config: SiteConfig): GeneratedFile {
  // A line break in a configured path would start a new, unintended rule.
  const paths = config.robots.disallow.map((p) => p.replace(/[\u0000-\u001f\u007f]/g, '').trim()).filter((p) => p !== '');
  const rules = paths.length ? paths.map((p) => `Disallow: ${p.startsWith('/') ? toSiteUrl(p, config.baseUrl) : p}`) : ['Disallow:'];
  const lines = ['User-agent: *', ...rules, ''];
  lines.push(`Sitemap: ${toAbsoluteUrl('/sitemap.xml', config.baseUrl)}`);
  if (config.sitemap.news) lines.push(`Sitemap: ${toAbsoluteUrl('/news-sitemap.xml', config.baseUrl)}`);
  return { url: '/robots.txt', data: `${lines.join('\n')}\n`, origin: 'robots.txt' };
}
