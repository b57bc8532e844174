import { resolve } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import { isInside } from '../paths/is-inside.js';

/**
 * The absolute file an output path names inside `root`, the folder being
 * written. Every writer goes through here, so nothing is ever written or
 * deleted outside the output folder, whatever a route or a plug-in produced.
 */
export function insideOutput(root: string, path: string): string {
  const abs = resolve(root, path);
  if (abs === root || !isInside(root, abs)) {
    throw new SiteError(error(codes.outputEscapes, `output path escapes the output folder: ${path}`, { hint: 'check slugs and permalinks' }));
  }
  return abs;
}
