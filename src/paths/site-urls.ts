// URLs in the graph are site-relative (`/2026/11/x/`). Pages link with the
// base URL's path in front (`/news/2026/11/x/` for a site at
// https://example.org/news/); feeds, sitemaps and share links need absolute URLs.

const external = /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i;

/** `/2026/11/x/` → `/news/2026/11/x/`. External URLs, `mailto:` and `#fragments` pass through. */
export function toSiteUrl(path: string, baseUrl: string): string {
  if (external.test(path)) return path;
  return `${basePathOf(baseUrl)}/${encodePath(path.replace(/^\/+/, ''))}`;
}

/** `/2026/11/x/` → `https://example.org/news/2026/11/x/`. Absolute URLs pass through. */
export function toAbsoluteUrl(path: string, baseUrl: string): string {
  if (external.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${encodePath(path.replace(/^\/+/, ''))}`;
}

// Called for every link on every page: parse each base URL once.
const basePaths = new Map<string, string>();

function basePathOf(baseUrl: string): string {
  let path = basePaths.get(baseUrl);
  if (path === undefined) {
    path = new URL(baseUrl).pathname.replace(/\/$/, '');
    basePaths.set(baseUrl, path);
  }
  return path;
}

/**
 * Percent-encodes what may not appear raw in a URL (spaces, quotes,
 * non-ASCII) and keeps existing `%XX` escapes, queries and fragments, so
 * `/café/` and `/caf%C3%A9/` give the same URL.
 */
function encodePath(path: string): string {
  return path.replace(/%(?![0-9a-f]{2})|[^a-z0-9\-._~!$&'()*+,;=:@/%?#]/giu, (c) => encodeURIComponent(c));
}
