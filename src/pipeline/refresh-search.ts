import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toOutputPath } from '../routes/output-path.js';
import { writeChanges } from '../write/write-changes.js';
import { collect, type Committed } from './build-pass.js';
import { searchFolder } from './output-claims.js';
import { indexOutputFolder } from './search-step.js';

/**
 * serve --watch's search index: made from the article pages of the last good
 * pass and written into `/pagefind/` in place. Rebuilds may run meanwhile
 * (they never touch Pagefind or /pagefind/): one that changes articles marks
 * its own state stale, and the next refresh catches up.
 */
export async function refreshSearchIndex(config: SiteConfig, outDir: string, last: () => Committed | undefined): Promise<{ changedUrls?: string[]; diagnostics: Diagnostic[] }> {
  const started = last();
  if (!started?.searchStale) return { diagnostics: [] };
  started.searchStale = false;
  const diagnostics: Diagnostic[] = [];
  const files = await collect(indexOutputFolder(config, outDir, started.articles), diagnostics);
  if (!files) return { diagnostics };
  const current = last()!;
  const claims = files.map((f) => ({ path: toOutputPath(f.url)!, url: f.url, data: f.data }));
  const fresh = new Set(claims.map((c) => c.path));
  const removed = [...current.urls].filter(([path, url]) => url.startsWith(`/${searchFolder}`) && !fresh.has(path)).map(([path]) => path);
  const written = await writeChanges(outDir, claims, removed);
  for (const path of removed) current.urls.delete(path);
  for (const c of claims) current.urls.set(c.path, c.url);
  return { changedUrls: written.changedPaths.map((p) => current.urls.get(p)!), diagnostics };
}
