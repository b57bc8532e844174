import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { warning, error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isIgnoredName } from '../paths/ignored-files.js';
import { isInside, toPosix } from '../paths/is-inside.js';

export type SourceKind = 'post' | 'page' | 'author' | 'static' | 'data';

export interface SourceFile {
  kind: SourceKind;
  /** Relative to the site root, forward slashes: `content/posts/x.md`. */
  path: string;
  absPath: string;
  /** Relative to the kind's folder: `x.md`, `images/a.svg`. */
  within: string;
}

const folders: Record<string, SourceKind> = {
  posts: 'post',
  pages: 'page',
  authors: 'author',
  static: 'static',
  data: 'data',
};


export interface ScanResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/** Lists the site's content files, sorted by path. Follows no symlink out of `content/`. */
export async function scanContent(root: string): Promise<ScanResult> {
  const contentDir = join(root, 'content');
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let contentReal: string;
  try {
    contentReal = await realpath(contentDir);
  } catch {
    return { files, diagnostics };
  }
  const visitedDirs = new Set<string>();

  async function walk(absDir: string, kind: SourceKind, kindRoot: string): Promise<void> {
    const real = await realpath(absDir);
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    const entries = await readdir(absDir, { withFileTypes: true });
    for (const entry of entries) {
      const abs = join(absDir, entry.name);
      const rel = toPosix(relative(root, abs));
      if (isIgnoredName(entry.name)) {
        if (kind === 'static') {
          diagnostics.push(warning(codes.skippedFile, `not copied: ${rel}`, { file: rel, hint: 'dotfiles and editor files are never published' }));
        }
        continue;
      }
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => undefined);
        if (!target || !isInside(contentReal, target)) {
          diagnostics.push(
            error(codes.symlinkOutside, 'symbolic link points outside content/ (or nowhere)', {
              file: rel,
              hint: 'copy the file into content/ instead of linking to it',
            }),
          );
          continue;
        }
        isDir = (await lstat(target)).isDirectory();
      }
      if (isDir) await walk(abs, kind, kindRoot);
      else if (kind === 'static' || kind === 'data' || entry.name.endsWith('.md')) {
        files.push({ kind, path: rel, absPath: abs, within: toPosix(relative(kindRoot, abs)) });
      }
    }
  }

  for (const [folder, kind] of Object.entries(folders)) {
    const dir = join(contentDir, folder);
    const exists = await lstat(dir).then((s) => s.isDirectory() || s.isSymbolicLink(), () => false);
    if (exists) await walk(dir, kind, dir);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}
