import { toOutputPath } from '../routes/output-path.js';

// Where an href or src in the built site leads: a file of this site (and an
// anchor in it), another site, or nowhere a checker can follow (mailto:, data:).

export type Target =
  | { kind: 'skip' }
  | { kind: 'external'; url: string }
  /** `path` is site-relative (`/2026/11/x/`), `file` its output path or undefined when no file could hold it. */
  | { kind: 'internal'; path: string; file: string | undefined; fragment: string };

/** `pageUrl` is the absolute URL of the page (or feed) the reference is written in. */
export function resolveReference(value: string, pageUrl: string, baseUrl: string): Target {
  let url: URL;
  try {
    url = new URL(value.trim(), pageUrl);
  } catch {
    return { kind: 'internal', path: value, file: undefined, fragment: '' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'skip' };
  const base = new URL(baseUrl);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return { kind: 'external', url: url.href.replace(/#.*$/, '') };
  const path = `/${url.pathname.slice(base.pathname.length)}`;
  return { kind: 'internal', path, file: toOutputPath(path), fragment: decodeFragment(url.hash.slice(1)) };
}

/** The absolute URL of an output file: `a/b/index.html` → `https://example.org/news/a/b/`. */
export function pageUrlOf(outputPath: string, baseUrl: string): string {
  return new URL(outputPath.replace(/(^|\/)index\.html$/, '$1'), baseUrl).href;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
