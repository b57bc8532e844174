import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toOutputPath } from '../routes/output-path.js';
import { writeChanges } from '../write/write-changes.js';
import { collect, type Committed } from './build-pass.js';
import { searchFolder } from './output-claims.js';
import { indexChunks, searchChunksOf, searchEntryOf, type SearchState } from './search-step.js';

export interface SearchRefresh {
  /** Site-relative URLs of the search files that changed; undefined when there was nothing to do or indexing failed. */
  changedUrls?: string[];
  diagnostics: Diagnostic[];
  /** How many chunks were indexed again, of how many. */
  chunks?: { indexed: number; total: number };
}

/**
 * serve --watch's search index: made from the article pages of the last good
 * pass and written into `/pagefind/` in place, only the chunks whose articles
 * changed since the last refresh. Rebuilds may run meanwhile (they never touch
 * Pagefind or /pagefind/): one that changes articles marks its own state
 * stale, and the next refresh catches up.
 */
export function createSearchRefresher(config: SiteConfig, outDir: string): (last: () => Committed | undefined) => Promise<SearchRefresh> {
  /** What is in /pagefind/ now, as the last refresh made it. */
  let made: SearchState = { bundle: [], chunks: [] };
  return async (last) => {
    const started = last();
    if (!started?.searchStale) return { diagnostics: [] };
    started.searchStale = false;
    // Keys from the signatures as they are now: a page rewritten while it is read only makes the next refresh index its chunk again.
    const chunks = searchChunksOf(started.articles, started.signatures, config.search.chunkSize);
    const stale = chunks.filter((c) => made.chunks[c.id]?.key !== c.key);
    const diagnostics: Diagnostic[] = [];
    const files = await collect(indexChunks(config, outDir, stale, chunks), diagnostics);
    if (!files) return { diagnostics };
    const current = last()!;
    const claims = [...files.bundle, ...[...files.chunks.values()].flat(), ...searchEntryOf(chunks)].map((f) => ({ path: toOutputPath(f.url)!, url: f.url, data: f.data }));
    const next: SearchState = {
      bundle: stale.length > 0 ? files.bundle.map((f) => f.url) : made.bundle,
      chunks: chunks.map((c) => (files.chunks.has(c.id) ? { key: c.key, urls: files.chunks.get(c.id)!.map((f) => f.url) } : made.chunks[c.id])),
    };
    const keep = new Set([...claims.map((c) => c.path), ...[next.bundle, ...next.chunks.map((c) => c.urls)].flat().map((u) => toOutputPath(u)!)]);
    const removed = [...current.urls].filter(([path, url]) => url.startsWith(`/${searchFolder}`) && !keep.has(path)).map(([path]) => path);
    const written = await writeChanges(outDir, claims, removed);
    for (const path of removed) current.urls.delete(path);
    for (const c of claims) current.urls.set(c.path, c.url);
    made = next;
    return { changedUrls: written.changedPaths.map((p) => current.urls.get(p)!), diagnostics, chunks: { indexed: stale.length, total: chunks.length } };
  };
}
