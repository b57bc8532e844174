import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hiddenSegmentOf } from '../paths/hidden-segment.js';

export interface OutputClaim {
  /** '' when the URL could not be mapped safely to a path; ending in `/` when a whole folder is claimed (`pagefind/`). */
  outputPath: string;
  url?: string;
  /** A content file, or what generated the output (`tag "asylum"`, `rss feed`). */
  origin: string;
  /** Where in a content file the claim was made (an alias's front matter line), when known. */
  place?: Pick<Diagnostic, 'file' | 'line' | 'column'>;
}

type Owner = Pick<OutputClaim, 'origin' | 'place'> & { path: string };

/**
 * Every output path must stay inside the output folder and belong to one
 * source, before anything renders. Twins that differ only in case or Unicode
 * normalisation collide on macOS and Windows, and a file cannot also be a
 * folder (a page with slug `feed.xml` is `feed.xml/index.html`, the feed is
 * `feed.xml`), so both are reported here, naming every source, not left to
 * the file system.
 */
export function checkOutputPaths(outputs: OutputClaim[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, Owner[]>();
  for (const r of outputs) {
    if (r.outputPath === '') {
      const url = r.url ?? r.outputPath;
      const hidden = hiddenSegmentOf(url);
      if (hidden) {
        diagnostics.push(
          error(codes.hiddenOutputPath, `output path names a hidden file or folder ("${hidden}"): ${JSON.stringify(url)}`, {
            file: r.origin,
            ...r.place,
            hint: 'remove the leading dot; hosts read dotfiles and dot-folders as configuration',
          }),
        );
        continue;
      }
      diagnostics.push(
        error(codes.outputEscapes, `output path escapes the output folder: ${JSON.stringify(r.url ?? r.outputPath)}`, {
          file: r.origin,
          ...r.place,
          hint: 'use a slug of letters, digits and dashes; ".." and "/" are not allowed',
        }),
      );
      continue;
    }
    const key = keyOf(r.outputPath);
    owners.set(key, [...(owners.get(key) ?? []), { path: r.outputPath, origin: r.origin, place: r.place }]);
  }
  for (const list of owners.values()) if (list.length > 1) diagnostics.push(collision(`${list.length} pages would be written to ${list[0].path}`, list));
  for (const [key, [owner]] of owners) {
    const folder = ancestors(key).find((f) => owners.has(f) || owners.has(`${f}/`));
    if (folder === undefined) continue;
    const other = (owners.get(folder) ?? owners.get(`${folder}/`))![0];
    diagnostics.push(collision(`${other.path} would be both a file and a folder (for ${owner.path})`, [other, owner]));
  }
  return diagnostics;
}

const keyOf = (path: string) => path.normalize('NFC').toLowerCase();

/** `a/b/c.html` → `a`, `a/b`; a folder claim `a/b/` → `a`. */
function ancestors(key: string): string[] {
  const parts = key.replace(/\/$/, '').split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

function collision(message: string, list: Owner[]): Diagnostic {
  const origins = list.map((o) => o.origin);
  return error(codes.urlCollision, `${message}: ${origins.join(', ')}`, {
    // Generated files name their source inside the origin: `alias of content/posts/a.md`.
    file: origins.map((o) => /(?:^|\s)(content\/\S+)/.exec(o)?.[1]).find(Boolean),
    ...list.find((o) => o.place?.line !== undefined)?.place,
    hint: 'give one of them a different slug (front matter "slug:"), alias or permalink pattern; generated files (feeds, sitemaps, robots.txt, _redirects, /pagefind/) keep their names',
  });
}
