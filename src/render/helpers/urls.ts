/**
 * Site-relative path → path under the base URL's path, so a site published at
 * `https://example.org/news/` links to `/news/2024/11/x/`. External URLs pass through.
 */
export function toSiteUrl(path: string, baseUrl: string): string {
  if (isExternal(path)) return path;
  return `${basePathOf(baseUrl)}/${path.replace(/^\/+/, '')}`;
}

export function toAbsoluteUrl(path: string, baseUrl: string): string {
  if (isExternal(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURI(path.replace(/^\/+/, ''))}`;
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

function isExternal(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(path);
}
