import { posix } from 'node:path';
import type { SourceFile } from '../content/scan-content.js';
import type { PostNode } from '../graph/types.js';
import { toOutputPath } from '../routes/output-path.js';
import type { StaticFile } from '../routes/plan-routes.js';

/**
 * The files of each published post's page bundle, copied beside the post's
 * page so `![Chart](chart.png)` in `content/posts/x/index.md` finds
 * `content/posts/x/chart.png`. A draft's or future post's files are not published.
 */
export function listBundleFiles(posts: readonly PostNode[], scanned: readonly SourceFile[]): StaticFile[] {
  const folders = new Map<string, string>();
  for (const post of posts) {
    const page = toOutputPath(post.url);
    if (page !== undefined) folders.set(post.sourcePath, posix.dirname(page));
  }
  return scanned.flatMap((f) => {
    const folder = f.kind === 'bundle' && f.bundle !== undefined ? folders.get(f.bundle) : undefined;
    return folder === undefined ? [] : [{ outputPath: posix.join(folder, f.within), absPath: f.absPath, source: f.path }];
  });
}
