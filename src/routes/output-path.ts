import { posix } from 'node:path';

/**
 * The file a site-relative URL is written to: `/a/b/` → `a/b/index.html`,
 * `/feed.xml` → `feed.xml`. Returns undefined when the URL, once decoded,
 * could name a place outside the output folder, a hidden file, or one the
 * file system mangles.
 */
export function toOutputPath(url: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return undefined;
  }
  if (/[\u0000-\u001f\\]/.test(decoded) || /^[a-zA-Z]:/.test(decoded) || decoded.startsWith('//')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  // A leading dot (a hidden file) is refused as well: see paths/hidden-segment.ts.
  if (segments.some((s) => s.startsWith('.') || /[. ]$/.test(s) || Buffer.byteLength(s) > 255)) return undefined;
  const joined = segments.join('/');
  const path = decoded.endsWith('/') || joined === '' ? posix.join(joined, 'index.html') : joined;
  return path.startsWith('../') || posix.isAbsolute(path) ? undefined : path;
}
