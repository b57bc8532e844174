import { escapeXml } from './escape-xml.js';

// Matches whole start tags as hast-util-to-html writes them (values always
// double-quoted, `"` inside encoded), so text that merely looks like an
// attribute, e.g. in a code sample, is left alone.
const startTag = /<[a-z][a-z0-9-]*(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*\/?>/gi;
const linkAttribute = /(\s(?:href|src)=")([^"]*)"/gi;
const srcsetAttribute = /(\ssrcset=")([^"]*)"/gi;
const scheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Makes links and image sources in article HTML absolute, for feed readers that
 * show it away from the site: `href="/2026/11/x/"` → `href="https://example.org/news/2026/11/x/"`.
 * `pageUrl` (absolute) resolves relative references such as `img/a.png` and `#notes`.
 */
export function absolutizeLinks(html: string, pageUrl: string, baseUrl: string): string {
  const root = escapeXml(baseUrl.replace(/\/+$/, ''));
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return html.replace(startTag, (tag) =>
    tag
      .replace(linkAttribute, (_, head: string, value: string) => `${head}${absolutize(value, pageUrl, root, basePath)}"`)
      // `srcset="a.jpg 400w, b.jpg 800w"`: each candidate's URL (sized pictures, see images/picture-html.ts).
      .replace(srcsetAttribute, (_, head: string, value: string) => `${head}${value.replace(/(^|,\s*)(\S+)/g, (_m, sep: string, url: string) => sep + absolutize(url, pageUrl, root, basePath))}"`),
  );
}

function absolutize(value: string, pageUrl: string, root: string, basePath: string): string {
  if (scheme.test(value) || value.startsWith('//')) return value;
  // Links that already carry the base path (Jekyll's relative_url, {% link %}, Hugo's relref) are not given it twice.
  if (basePath && value.startsWith(`${basePath}/`)) return root + value.slice(basePath.length);
  if (value.startsWith('/')) return root + value;
  try {
    return escapeXml(new URL(decodeAttribute(value), pageUrl).href);
  } catch {
    return value;
  }
}

// The serializer encodes only `&` and `"` in attribute values.
function decodeAttribute(value: string): string {
  return value.replace(/&#x26;|&#38;|&amp;/gi, '&').replace(/&#x22;|&#34;|&quot;/gi, '"');
}
