import { readdirSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside, toPosix } from '../paths/is-inside.js';

/**
 * The default theme shipped inside migrant-site: `theme/` at the package root,
 * beside `src/` and `lib/` (this file is two folders down in either).
 */
export const builtInThemeDir = fileURLToPath(new URL('../../theme/', import.meta.url));

/** The folder of a site's own templates, relative to the site root. */
export const siteTemplatesFolder = 'templates';

/**
 * Site-relative folders whose files are templates, for the watcher and for
 * rebuilds: the site's `templates/`, and the built-in theme when it is being
 * developed inside the site folder (this repository's sample site). An
 * installed theme (under node_modules) never changes while a site is served.
 */
export function templateFolders(root: string): string[] {
  const builtIn = toPosix(relative(root, builtInThemeDir)).replace(/\/$/, '');
  const developed = isInside(root, builtInThemeDir) && !builtIn.split('/').includes('node_modules');
  return developed ? [siteTemplatesFolder, builtIn] : [siteTemplatesFolder];
}

export interface ThemeFile {
  /** Path inside the theme folder, forward slashes: `post.hbs`, `widgets/dont-miss.hbs`, `css/site.css`. */
  name: string;
  absPath: string;
  /**
   * How diagnostics name the file: `templates/layouts/post.hbs` for the site's
   * own; for a built-in one its path from the site root when the theme lies
   * inside it (`node_modules/migrant-site/theme/layouts/post.hbs`), else absolute.
   */
  file: string;
  /** For a built-in file, the site file that would override it (`templates/layouts/post.hbs`). */
  overriddenBy?: string;
}

/**
 * The files of one theme folder (`layouts`, `partials`, `assets`): the site's
 * `templates/<folder>/` wins file by file, the built-in theme supplies the rest.
 * Sorted by name. Synchronous, as the reads of these few small files are:
 * asynchronous calls cost more than the reads (see write/write-outputs.ts).
 */
export function listThemeFiles(root: string, folder: string, recursive: boolean): ThemeFile[] {
  const siteDir = join(root, siteTemplatesFolder, folder);
  const builtInDir = join(builtInThemeDir, folder);
  const own = listFiles(siteDir, recursive);
  const byName = new Map<string, ThemeFile>(
    own.map((name) => [name, { name, absPath: join(siteDir, name), file: `${siteTemplatesFolder}/${folder}/${name}` }]),
  );
  for (const name of listFiles(builtInDir, recursive)) {
    if (byName.has(name)) continue;
    const absPath = join(builtInDir, name);
    byName.set(name, { name, absPath, file: displayPath(root, absPath), overriddenBy: `${siteTemplatesFolder}/${folder}/${name}` });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function listFiles(dir: string, recursive: boolean): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => toPosix(relative(dir, join(e.parentPath, e.name))));
}

function displayPath(root: string, absPath: string): string {
  return isInside(root, absPath) ? toPosix(relative(root, absPath)) : toPosix(absPath);
}
