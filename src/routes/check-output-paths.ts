import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hiddenSegmentOf } from '../paths/hidden-segment.js';

export interface OutputClaim {
  /** '' when the URL could not be mapped safely to a path. */
  outputPath: string;
  url?: string;
  /** A content file, or what generated the output (`tag "asylum"`, `rss feed`). */
  origin: string;
}

/**
 * Every output path must stay inside the output folder and belong to one
 * source. Twins that differ only in case or Unicode normalisation collide on
 * macOS and Windows, so they are reported here, not left to the file system.
 */
export function checkOutputPaths(outputs: OutputClaim[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, { path: string; origin: string }[]>();
  for (const r of outputs) {
    if (r.outputPath === '') {
      const url = r.url ?? r.outputPath;
      const hidden = hiddenSegmentOf(url);
      if (hidden) {
        diagnostics.push(
          error(codes.hiddenOutputPath, `output path names a hidden file or folder ("${hidden}"): ${JSON.stringify(url)}`, {
            file: r.origin,
            hint: 'remove the leading dot; hosts read dotfiles and dot-folders as configuration',
          }),
        );
        continue;
      }
      diagnostics.push(
        error(codes.outputEscapes, `output path escapes the output folder: ${JSON.stringify(url)}`, {
          file: r.origin,
          hint: 'use a slug of letters, digits and dashes; ".." and "/" are not allowed',
        }),
      );
      continue;
    }
    const key = r.outputPath.normalize('NFC').toLowerCase();
    const list = owners.get(key) ?? [];
    list.push({ path: r.outputPath, origin: r.origin });
    owners.set(key, list);
  }
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    const origins = list.map((o) => o.origin);
    diagnostics.push(
      error(codes.urlCollision, `${list.length} pages would be written to ${list[0].path}: ${origins.join(', ')}`, {
        file: origins.find((o) => o.startsWith('content/')),
        hint: 'give one of them a different slug (front matter "slug:") or change the permalink pattern',
      }),
    );
  }
  return diagnostics;
}
