import { listThemeFiles } from '../render/theme-files.js';
import type { SourceFile } from '../content/scan-content.js';
import type { StaticFile } from '../routes/plan-routes.js';

const hidden = /(^|\/)\.|~$|\.sw[a-p]$/;

/** Files copied as they are: `content/static/**` to the site root, `assets/` of the theme (the site's `templates/assets/` over the built-in one's) to `/assets/`. */
export async function listStaticFiles(root: string, scanned: SourceFile[]): Promise<StaticFile[]> {
  const fromContent = scanned
    .filter((f) => f.kind === 'static')
    .map((f) => ({ outputPath: f.within, absPath: f.absPath, source: f.path }));
  const fromTheme = (await listThemeFiles(root, 'assets', true))
    .filter((f) => !hidden.test(f.name))
    .map((f) => ({ outputPath: `assets/${f.name}`, absPath: f.absPath, source: f.file }));
  return [...fromContent, ...fromTheme];
}
