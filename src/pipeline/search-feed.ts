import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchIndexer } from '../outputs/search-index.js';
import type { PageRoute } from '../routes/plan-routes.js';

/**
 * Feeds the search index every article in plan order (Pagefind's output
 * depends on the order pages arrive in): pages rendered in this pass are
 * handed over as they render, articles that were not rendered again are read
 * from the previous output folder, where they are still unchanged.
 */
export interface SearchFeed {
  /** A page rendered this pass; calls come in plan order. */
  rendered(route: PageRoute, html: string): Promise<void>;
  /** Adds the remaining kept articles and returns the index's files. */
  finish(): ReturnType<SearchIndexer['finish']>;
  abort(): Promise<void>;
}

export function createSearchFeed(indexer: SearchIndexer, routes: PageRoute[], fresh: ReadonlySet<PageRoute>, previousOutDir: string): SearchFeed {
  const articles = routes.filter((r) => r.meta.kind === 'post');
  let next = 0;
  // onPage is called for a whole chunk at once: a queue keeps the order.
  let queue = Promise.resolve();
  const add = (route: PageRoute, html: string) => indexer.add({ url: route.url, kind: route.meta.kind, html });
  const addKeptUntil = async (stop: PageRoute | undefined) => {
    for (; next < articles.length && articles[next] !== stop; next++) {
      if (!fresh.has(articles[next])) await add(articles[next], await readFile(join(previousOutDir, articles[next].outputPath), 'utf8'));
    }
  };
  const enqueue = (work: () => Promise<void>) => (queue = queue.then(work));
  return {
    rendered: (route, html) =>
      route.meta.kind !== 'post'
        ? Promise.resolve()
        : enqueue(async () => {
            await addKeptUntil(route);
            next++;
            await add(route, html);
          }),
    async finish() {
      await enqueue(() => addKeptUntil(undefined));
      return indexer.finish();
    },
    abort: () => indexer.abort(),
  };
}
