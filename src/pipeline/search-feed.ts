import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchFiles, SearchIndexer } from '../outputs/search-index.js';
import type { PageRoute } from '../routes/plan-routes.js';
import { keptChunks, type SearchChunk } from './search-step.js';

/**
 * Feeds the stale chunks' indexes their articles in plan order (Pagefind's
 * output depends on the order pages arrive in): pages rendered in this pass
 * are handed over as they render, articles that were not rendered again are
 * read from the previous output folder, where they are still unchanged.
 * Articles of chunks that are kept are not read at all.
 */
export interface SearchFeed {
  /** A page rendered this pass; calls come in plan order. */
  rendered(route: PageRoute, html: string): Promise<void>;
  /** Adds the remaining kept articles and returns each stale chunk's files. */
  finish(): Promise<SearchFiles>;
  abort(): Promise<void>;
}

export function createSearchFeed(indexer: SearchIndexer, routes: PageRoute[], chunks: SearchChunk[], stale: ReadonlySet<number>, fresh: ReadonlySet<PageRoute>, previousOutDir: string): SearchFeed {
  const chunkOfPath = new Map(chunks.filter((c) => stale.has(c.id)).flatMap((c) => c.articles.map((a) => [a.outputPath, c.id] as const)));
  const articles = routes.filter((r) => r.meta.kind === 'post' && chunkOfPath.has(r.outputPath));
  let next = 0;
  // onPage is called for a whole batch at once: a queue keeps the order.
  let queue = Promise.resolve();
  const add = (route: PageRoute, html: string) => indexer.add({ url: route.url, kind: route.meta.kind, html }, chunkOfPath.get(route.outputPath)!);
  const addKeptUntil = async (stop: PageRoute | undefined) => {
    for (; next < articles.length && articles[next] !== stop; next++) {
      if (!fresh.has(articles[next])) await add(articles[next], await readFile(join(previousOutDir, articles[next].outputPath), 'utf8'));
    }
  };
  const enqueue = (work: () => Promise<void>) => (queue = queue.then(work));
  return {
    rendered: (route, html) =>
      !chunkOfPath.has(route.outputPath) || route.meta.kind !== 'post'
        ? Promise.resolve()
        : enqueue(async () => {
            await addKeptUntil(route);
            next++;
            await add(route, html);
          }),
    async finish() {
      await enqueue(() => addKeptUntil(undefined));
      return indexer.finish([...stale].sort((a, b) => a - b), keptChunks(chunks, stale, previousOutDir));
    },
    abort: () => indexer.abort(),
  };
}
