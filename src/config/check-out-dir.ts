// A build replaces its whole output folder, so an outDir that points at the site,
// its sources or anything above them would destroy work. Refused before any I/O.

import path from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside } from '../paths/is-inside.js';

/** Site folders that hold sources; compared case-insensitively for macOS and Windows disks. */
export const protectedFolders = ['content', 'templates', 'theme', 'static', 'src', '.git', 'node_modules', '.cache'];

export function checkOutDir(root: string, outDir: string, homeDir: string): Diagnostic | undefined {
  const reason = findUnsafeReason(path.resolve(root), path.resolve(root, outDir), path.resolve(homeDir));
  if (!reason) return undefined;
  return error(codes.configUnsafeOutDir, `outDir ${JSON.stringify(outDir)} ${reason}; a build replaces the whole output folder`, {
    hint: 'set "outDir" to a folder used only for the built site, such as "dist"',
  });
}

function findUnsafeReason(root: string, target: string, home: string): string | undefined {
  if (target === path.parse(target).root) return 'is the file system root';
  if (target === root) return 'is the site folder itself';
  if (isBelow(root, target)) return 'contains the site folder';
  if (target === home) return 'is the home folder';
  if (isBelow(home, target)) return 'contains the home folder';
  if (!isBelow(target, root)) return undefined;
  const first = path.relative(root, target).split(path.sep)[0];
  const folder = protectedFolders.find((name) => name === first.toLowerCase());
  if (!folder) return undefined;
  return first === path.relative(root, target) ? `is the "${folder}" folder` : `is inside the "${folder}" folder`;
}

/** True when `child` is strictly below `parent`. */
function isBelow(child: string, parent: string): boolean {
  return child !== parent && isInside(parent, child);
}
