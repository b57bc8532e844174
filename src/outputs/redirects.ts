import type { SiteConfig } from '../config/schema.js';
import { keyPlace } from '../graph/key-place.js';
import type { PostNode, SiteGraph } from '../graph/types.js';
import { escapeXml } from './escape-xml.js';
import type { GeneratedFile } from './generated-file.js';
import { toAbsoluteUrl, toSiteUrl } from '../paths/site-urls.js';

/**
 * For each article alias (an old URL), a small HTML page there that sends
 * browsers and crawlers to the article, and one `/_redirects` file
 * (Netlify / Cloudflare Pages) with a 301 per alias, for hosts that read it.
 * Unsafe aliases (`..`, `%2e%2e`, `\`) are refused by the build when it maps
 * these URLs to files, with the article as the origin.
 */
export function renderRedirects(graph: SiteGraph, config: SiteConfig): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const rules: string[] = [];
  for (const post of graph.posts) {
    for (const alias of post.aliases) {
      files.push({ url: toPageUrl(alias), data: renderRedirectPage(post, config), origin: `alias of ${post.sourcePath}`, place: keyPlace(post, 'aliases', 'redirect_from') });
      rules.push(`${toSiteUrl(alias, config.baseUrl)} ${toSiteUrl(post.url, config.baseUrl)} 301`);
    }
  }
  if (rules.length) files.push({ url: '/_redirects', data: `${rules.join('\n')}\n`, origin: 'redirects file' });
  return files;
}

/** `/old/story` names a folder, so its page is `/old/story/index.html`: static hosts serve it for both spellings. */
function toPageUrl(alias: string): string {
  const last = alias.slice(alias.lastIndexOf('/') + 1);
  return last === '' || last.includes('.') ? alias : `${alias}/`;
}

function renderRedirectPage(post: PostNode, config: SiteConfig): string {
  const target = escapeXml(toAbsoluteUrl(post.url, config.baseUrl));
  return [
    '<!doctype html>',
    `<html lang="${escapeXml(config.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeXml(post.title)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${target}">`,
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    '</head>',
    '<body>',
    `<p>This article has moved to <a href="${target}">${escapeXml(post.title)}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
