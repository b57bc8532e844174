// URLs in the graph are site-relative (`/2026/11/x/`). Feeds, sitemaps and
// redirects are read off-site, so they need absolute URLs under the base URL,
// or paths from the host's root when the site lives under a path (`/news/`).

const scheme = /^[a-z][a-z0-9+.-]*:/i;

/** `/2026/11/x/` → `https://example.org/news/2026/11/x/`. Absolute URLs pass through. */
export function toAbsoluteUrl(path: string, baseUrl: string): string {
  if (scheme.test(path) || path.startsWith('//')) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${encodePath(path.replace(/^\/+/, ''))}`;
}

/** `/old/url/` → `/news/old/url/` for a site at `https://example.org/news/`. */
export function toRootPath(path: string, baseUrl: string): string {
  return `${new URL(baseUrl).pathname.replace(/\/+$/, '')}/${encodePath(path.replace(/^\/+/, ''))}`;
}

/**
 * Percent-encodes what may not appear raw in a URL path (spaces, quotes,
 * non-ASCII, `?`, `#`) and keeps existing `%XX` escapes, so an alias written
 * either as `/café/` or as `/caf%C3%A9/` gives the same URL.
 */
function encodePath(path: string): string {
  return path.replace(/%(?![0-9a-f]{2})|[^a-z0-9\-._~!$&'()*+,;=:@/%]/giu, (c) => encodeURIComponent(c));
}
