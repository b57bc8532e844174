import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { positionAt } from '../text/text-position.js';
import type { ImageUse } from './find-image-uses.js';

/** A picture that names no file of the site: a warning at the key or body line that names it, not a silent 404. */
export async function missingImage(root: string, use: ImageUse): Promise<Diagnostic> {
  const place = use.place ?? { file: use.node.sourcePath, ...(await findInSource(root, use.node.sourcePath, use.written)) };
  return warning(codes.imageMissing, `image "${use.written}" not found: no file is published at ${use.path}`, {
    ...place,
    hint: 'put the picture in content/static/ (shown at /…), or beside a page bundle\'s index.md and write its file name; check the spelling and case',
  });
}

export function unreadableImage(file: string, cause: unknown): Diagnostic {
  return warning(codes.imageUnreadable, `image cannot be read (${cause instanceof Error ? cause.message : String(cause)}): it is published as it is, without resized copies`, {
    file,
    hint: 'save it again as JPEG, PNG, WebP, AVIF, GIF or SVG',
  });
}

async function findInSource(root: string, sourcePath: string, written: string): Promise<{ line?: number; column?: number }> {
  try {
    const text = await readFile(join(root, sourcePath), 'utf8');
    const at = text.indexOf(written);
    return at === -1 ? {} : positionAt(text, at);
  } catch {
    return {};
  }
}
