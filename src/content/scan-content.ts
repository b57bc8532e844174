import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { warning, error, type Diagnostic } from '../diagnostics/diagnostic.js';
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

// Editor swap and backup files, OS litter and dotfiles (.env, .git) never
// belong in a published site.
const ignoredName = /^\.|~$|\.sw[a-p]$|^4913$|\.tmp$|^#.*#$|^Thumbs\.db$/i;

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
      if (ignoredName.test(entry.name)) {
        if (kind === 'static') {
          diagnostics.push(warning(codes.skippedFile, `not copied: ${rel}`, { file: rel, hint: 'dotfiles and editor files are never published' }));
        }
        continue;
      }
      let info: { isDirectory(): boolean; isFile(): boolean } = entry;
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
        info = await lstat(target);
      }
      if (info.isDirectory()) await walk(abs, kind, kindRoot);
      else if (!info.isFile()) {
        // A FIFO, socket or device would block the read forever or stream without end.
        diagnostics.push(warning(codes.skippedFile, `skipped: ${rel} is not a regular file`, { file: rel, hint: 'content files must be regular files; remove it or move it out of content/' }));
      } else if (kind === 'static' || kind === 'data' || entry.name.endsWith('.md')) {
        files.push({ kind, path: rel, absPath: abs, within: toPosix(relative(kindRoot, abs)) });
      }
    }
  }

  for (const [folder, kind] of Object.entries(folders)) {
    const dir = join(contentDir, folder);
    const exists = await lstat(dir).then((s) => s.isDirectory() || s.isSymbolicLink(), () => false);
    if (!exists) continue;
    // content/static itself linked to ~/Documents would publish that folder.
    const real = await realpath(dir).catch(() => undefined);
    if (!real || !isInside(contentReal, real)) {
      diagnostics.push(
        error(codes.symlinkOutside, `content/${folder} is a symbolic link to a folder outside content/ (or nowhere)`, {
          file: `content/${folder}`,
          hint: `move the folder into content/ (or copy what should be published into content/${folder})`,
        }),
      );
      continue;
    }
    await walk(dir, kind, dir);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}
