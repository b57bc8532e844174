import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { toPosix } from '../paths/is-inside.js';
import type { SourceFile } from '../content/scan-content.js';
import type { StaticFile } from '../routes/plan-routes.js';

const hidden = /(^|\/)\.|~$|\.sw[a-p]$/;

/** Files copied as they are: `content/static/**` to the site root, `templates/assets/**` to `/assets/`. */
export async function listStaticFiles(root: string, scanned: SourceFile[]): Promise<StaticFile[]> {
  const fromContent = scanned
    .filter((f) => f.kind === 'static')
    .map((f) => ({ outputPath: f.within, absPath: f.absPath, source: f.path }));
  const assetsDir = join(root, 'templates', 'assets');
  const entries = await readdir(assetsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const fromTheme = entries
    .filter((e) => e.isFile())
    .map((e) => toPosix(relative(assetsDir, join(e.parentPath, e.name))))
    .filter((rel) => !hidden.test(rel))
    .sort()
    .map((rel) => ({ outputPath: `assets/${rel}`, absPath: join(assetsDir, rel), source: `templates/assets/${rel}` }));
  return [...fromContent, ...fromTheme];
}
