// Which existing folders a build may replace. Lexical rules (the file system
// root, the home folder, the site's own sources) live in config/check-out-dir;
// this is the check that needs the disk: a cloned site's config must not be
// able to make `build` replace a folder it did not make (Vite's rule: never
// empty an output folder outside the project unless it is provably ours).

import { lstat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside } from '../paths/is-inside.js';

/** Written into every output folder that is outside the site root (or hidden inside it): proof this tool made it. */
export const outputMarkerName = '.migrant-site-output';

export const outputMarkerText = 'This folder is made by migrant-site; a build replaces it as a whole.\n';

/**
 * True when the output folder needs the marker to be replaced again: it is
 * outside the site root, or a hidden folder (`.github`, `.vscode`) inside it.
 */
export function needsOutputMarker(root: string, outDir: string): boolean {
  const target = resolve(root, outDir);
  if (!isInside(resolve(root), target)) return true;
  return relative(resolve(root), target).split(sep).some((segment) => segment.startsWith('.'));
}

/**
 * Refuses an existing output path that is not a folder (a symlink counts as
 * not a folder: replacing it would change what it points at), and an existing
 * folder that needs the marker and lacks it. A missing path is fine: the build creates it.
 */
export async function checkOutputFolder(root: string, outDir: string): Promise<Diagnostic | undefined> {
  const target = resolve(root, outDir);
  const info = await lstat(target).catch(() => undefined);
  if (!info) return undefined;
  const refuse = (reason: string, hint: string) =>
    error(codes.configUnsafeOutDir, `outDir ${JSON.stringify(outDir)} (${target}) ${reason}; a build replaces the whole output folder`, { hint });
  if (!info.isDirectory()) {
    return refuse(info.isSymbolicLink() ? 'is a symbolic link' : 'exists and is not a folder', 'set "outDir" (or --out) to a folder used only for the built site, such as "dist"');
  }
  if (!needsOutputMarker(root, outDir)) return undefined;
  const marked = await lstat(join(target, outputMarkerName)).then((m) => m.isFile(), () => false);
  if (marked) return undefined;
  return refuse(
    `is an existing folder ${isInside(resolve(root), target) ? 'hidden inside' : 'outside'} the site that migrant-site did not make`,
    `use a new folder, or, if this folder holds only an old build of this site, delete it yourself and build again (migrant-site marks the folders it makes with ${outputMarkerName})`,
  );
}
