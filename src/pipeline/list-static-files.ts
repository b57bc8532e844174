import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isIgnoredPath } from '../paths/ignored-files.js';
import { listThemeFiles } from '../render/theme-files.js';
import type { SourceFile } from '../content/scan-content.js';
import type { StaticFile } from '../routes/plan-routes.js';

/**
 * Files copied as they are: `content/static/**` to the site root, `assets/` of
 * the theme (the site's `templates/assets/` over the built-in one's) to `/assets/`.
 * Editor and hidden files among the assets are skipped with a warning (paths/ignored-files.ts).
 */
export function listStaticFiles(root: string, scanned: SourceFile[]): { files: StaticFile[]; diagnostics: Diagnostic[] } {
  const fromContent = scanned.filter((f) => f.kind === 'static').map((f) => ({ outputPath: f.within, absPath: f.absPath, source: f.path }));
  const assets = listThemeFiles(root, 'assets', true);
  const fromTheme = assets.filter((f) => !isIgnoredPath(f.name)).map((f) => ({ outputPath: `assets/${f.name}`, absPath: f.absPath, source: f.file }));
  const diagnostics = assets
    .filter((f) => isIgnoredPath(f.name))
    .map((f) => warning(codes.skippedFile, `not copied: ${f.file}`, { file: f.file, hint: 'dotfiles and editor files are never published' }));
  return { files: [...fromContent, ...fromTheme], diagnostics };
}
