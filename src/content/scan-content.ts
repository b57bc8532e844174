import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { warning, error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isIgnoredName } from '../paths/ignored-files.js';
import { isInside, toPosix } from '../paths/is-inside.js';
import { isBundleIndex, isMarkdownFile, markdownExtensions } from './file-name.js';

/** `bundle`: a file beside a page bundle's `index.md`, published beside the post's page. */
export type SourceKind = 'post' | 'page' | 'author' | 'static' | 'data' | 'bundle';

export interface SourceFile {
  kind: SourceKind;
  /** Relative to the site root, forward slashes: `content/posts/x.md`. */
  path: string;
  absPath: string;
  /** Relative to the kind's folder: `x.md`, `images/a.svg`; for a bundle file, to the bundle's folder. */
  within: string;
  /** For a bundle file: the source path of the bundle's post (`content/posts/x/index.md`). */
  bundle?: string;
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

  async function walk(absDir: string, kind: SourceKind, kindRoot: string, bundle?: Bundle): Promise<void> {
    const real = await realpath(absDir);
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    const entries = await readdir(absDir, { withFileTypes: true });
    const index = kind === 'post' && !bundle && absDir !== kindRoot ? entries.find((e) => !e.isDirectory() && isBundleIndex(e.name)) : undefined;
    if (index) bundle = { dir: absDir, index: toPosix(relative(root, join(absDir, index.name))) };
    // Each entry's paths from its folder's: path.join and path.relative per file cost a tenth of a second at 16,000 files.
    const relDir = toPosix(relative(root, absDir));
    const withinDir = toPosix(relative(kindRoot, absDir));
    for (const entry of entries) {
      const abs = `${absDir}${sep}${entry.name}`;
      const rel = `${relDir}/${entry.name}`;
      const within = withinDir === '' ? entry.name : `${withinDir}/${entry.name}`;
      if (isIgnoredName(entry.name)) {
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
      if (info.isDirectory()) await walk(abs, kind, kindRoot, bundle);
      else if (!info.isFile()) {
        // A FIFO, socket or device would block the read forever or stream without end.
        diagnostics.push(warning(codes.skippedFile, `skipped: ${rel} is not a regular file`, { file: rel, hint: 'content files must be regular files; remove it or move it out of content/' }));
      } else if (kind === 'post') {
        const file = classifyPostFile(rel, abs, within, bundle);
        if ('problem' in file) diagnostics.push(file.problem);
        else files.push(file);
      } else if (kind === 'static' || kind === 'data' || isMarkdownFile(entry.name)) {
        files.push({ kind, path: rel, absPath: abs, within });
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
  // Directory listing order differs between file systems; reports should not.
  diagnostics.sort((a, b) => ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0));
  return { files, diagnostics };
}

/** A page bundle: a folder under content/posts/ holding an `index.md` and the files it shows. */
interface Bundle {
  dir: string;
  /** Source path of the index file. */
  index: string;
}

const notPublishedHint = `posts are ${markdownExtensions.join(', ')} files; put pictures and downloads beside an index.md in a page bundle (content/posts/<name>/index.md) or in content/static/`;

/** What a file under content/posts/ is: a post, a file of a page bundle, or something not published (a warning). */
function classifyPostFile(rel: string, abs: string, within: string, bundle: Bundle | undefined): SourceFile | { problem: Diagnostic } {
  const name = within.slice(within.lastIndexOf('/') + 1);
  if (bundle) {
    if (rel === bundle.index) return { kind: 'post', path: rel, absPath: abs, within };
    if (!isMarkdownFile(name)) return { kind: 'bundle', path: rel, absPath: abs, within: toPosix(relative(bundle.dir, abs)), bundle: bundle.index };
    return { problem: warning(codes.skippedFile, `not published: ${rel} is a second text in the page bundle of ${bundle.index}`, { file: rel, hint: 'a page bundle holds one article, its index file; move this one to its own file or bundle' }) };
  }
  if (!isMarkdownFile(name)) return { problem: warning(codes.skippedFile, `not published: ${rel} is not an article`, { file: rel, hint: notPublishedHint }) };
  if (/^_index\./i.test(name)) return { problem: warning(codes.skippedFile, `not published: ${rel} is a Hugo section page, not an article`, { file: rel, hint: 'lists of articles are made by the site; move any text you need into a page in content/pages/' }) };
  return { kind: 'post', path: rel, absPath: abs, within };
}
