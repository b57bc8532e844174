import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { StaticFile } from '../routes/plan-routes.js';

// Theme assets get their content's hash in their name (`assets/css/site.3f9a1c2b7d.css`),
// so hosts may cache them for a year: a changed file is a new URL, and every
// page that names it changes with it (the names are part of every page's signature).

export interface FingerprintedAssets {
  /** The static files, theme assets renamed. */
  files: StaticFile[];
  /** Asset name as templates write it (`css/site.css`) → site-relative URL of the fingerprinted file. */
  urls: Map<string, string>;
}

/** A theme asset (the built-in theme's or a site override's), not a file from content/static/. */
const isThemeAsset = (file: StaticFile) => file.outputPath.startsWith('assets/') && !file.source.startsWith('content/');

export async function fingerprintAssets(files: StaticFile[]): Promise<FingerprintedAssets> {
  const renamed = await Promise.all(
    files.map(async (file) => {
      if (!isThemeAsset(file)) return file;
      const hash = createHash('sha256').update(await readFile(file.absPath)).digest('hex').slice(0, 10);
      const { dir, name, ext } = posix.parse(file.outputPath);
      return { ...file, outputPath: posix.join(dir, `${name}.${hash}${ext}`) };
    }),
  );
  // In file order, not in the order the reads finish: the map is part of every page's signature.
  const urls = new Map(files.flatMap((f, i) => (isThemeAsset(f) ? [[f.outputPath.slice('assets/'.length), `/${renamed[i].outputPath}`] as const] : [])));
  return { files: renamed, urls };
}
