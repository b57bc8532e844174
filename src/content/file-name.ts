import { posix } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkSlug, slugify } from '../text/slugify.js';

// What Jekyll, Hugo and Eleventy read from a post's file name: the slug
// (`2019-05-02-boats-at-dawn.md` → `boats-at-dawn`; a page bundle's
// `boats-at-dawn/index.md` → its folder's name) and Jekyll's date prefix.

/** File extensions read as posts, pages and author files: the ones the three generators read as markdown. */
export const markdownExtensions = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn'] as const;

const markdownExtension = /\.(?:md|markdown|mdown|mkd|mkdn)$/i;
const datePrefix = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

export function isMarkdownFile(name: string): boolean {
  return markdownExtension.test(name);
}

/** Whether `name` is the page of a page bundle (`index.md`, `index.markdown`…). */
export function isBundleIndex(name: string): boolean {
  return /^index\.[^.]+$/i.test(name) && isMarkdownFile(name);
}

/** The name without a markdown extension: `x.markdown` → `x`. */
export function withoutMarkdownExtension(name: string): string {
  return name.replace(markdownExtension, '');
}

/** The name a post's slug comes from: the file's, or for a bundle's index file the folder's; without extension. */
function baseName(sourcePath: string): string {
  const name = posix.basename(sourcePath);
  return isBundleIndex(name) ? posix.basename(posix.dirname(sourcePath)) : withoutMarkdownExtension(name);
}

/** `content/posts/2019-05-02-boats.md` → `{ name: 'boats', date: '2019-05-02' }`. */
export function readFileName(sourcePath: string): { name: string; date?: string } {
  const base = baseName(sourcePath);
  const dated = datePrefix.exec(base);
  return dated ? { name: dated[2], date: dated[1] } : { name: base };
}

/**
 * The slug a post gets from its file name. A name that is not already a
 * clean URL segment (`Boats at Dawn.md`) is made into one, with a warning, as
 * the old generator may have published it differently.
 */
export function fileSlug(name: string, sourcePath: string, diagnostics: Diagnostic[]): string {
  if (checkSlug(name) === undefined && !/\s/.test(name)) return name;
  const slug = slugify(name);
  diagnostics.push(
    warning(codes.badSlug, `the file name "${name}" is not a clean address; the article is published as "${slug}"`, {
      file: sourcePath,
      hint: `rename the file, or add "slug: ${slug}" (and the old address under aliases) to keep links working`,
    }),
  );
  return slug;
}

/**
 * The site folder the post was in on its old site, for resolving relative
 * aliases: `content/posts/a/x.md` → `/posts/a/`; a bundle's index resolves
 * against the folder holding the bundle.
 */
export function postFolder(sourcePath: string): string {
  const dir = posix.dirname(sourcePath);
  const folder = isBundleIndex(posix.basename(sourcePath)) ? posix.dirname(dir) : dir;
  return `/${folder.replace(/^content\//, '')}/`.replace(/\/{2,}/g, '/');
}
