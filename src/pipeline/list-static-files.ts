import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isIgnoredPath } from '../paths/ignored-files.js';
import { toPosix } from '../paths/is-inside.js';
import type { SourceFile } from '../content/scan-content.js';
import type { StaticFile } from '../routes/plan-routes.js';

/**
 * Files copied as they are: `content/static/**` to the site root, `templates/assets/**` to `/assets/`.
 * Editor and hidden files are skipped in both, with a warning (paths/ignored-files.ts).
 */
export async function listStaticFiles(root: string, scanned: SourceFile[]): Promise<{ files: StaticFile[]; diagnostics: Diagnostic[] }> {
  const fromContent = scanned
    .filter((f) => f.kind === 'static')
    .map((f) => ({ outputPath: f.within, absPath: f.absPath, source: f.path }));
  const assetsDir = join(root, 'templates', 'assets');
  const entries = await readdir(assetsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const assets = entries
    .filter((e) => e.isFile())
    .map((e) => toPosix(relative(assetsDir, join(e.parentPath, e.name))))
    .sort();
  const fromTheme = assets.filter((rel) => !isIgnoredPath(rel)).map((rel) => ({ outputPath: `assets/${rel}`, absPath: join(assetsDir, rel), source: `templates/assets/${rel}` }));
  const diagnostics = assets
    .filter(isIgnoredPath)
    .map((rel) => warning(codes.skippedFile, `not copied: templates/assets/${rel}`, { file: `templates/assets/${rel}`, hint: 'dotfiles and editor files are never published' }));
  return { files: [...fromContent, ...fromTheme], diagnostics };
}
