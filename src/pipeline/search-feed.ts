import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchFiles, SearchIndexer } from '../outputs/search-index.js';
import type { PageRoute } from '../routes/plan-routes.js';
import { keptChunks, type SearchChunk } from './search-step.js';

/**
 * Feeds the stale chunks' indexes their articles chunk by chunk, each in plan
 * order (Pagefind's output depends on the order pages arrive in), and
 * completes each chunk when its last article is in, so Pagefind holds one
 * chunk's index at a time: the pass renders in order() for that. Pages
 * rendered in this pass are handed over as they render, articles that were
 * not rendered again are read from the previous output folder, where they are
 * still unchanged. Articles of chunks that are kept are not read at all.
 */
export interface SearchFeed {
  /** The routes to render, in the order the feed takes them: the stale chunks' articles chunk by chunk, then the rest in plan order. */
  order(routes: readonly PageRoute[]): PageRoute[];
  /** A page rendered this pass; calls come in the order of order(). */
  rendered(route: PageRoute, html: string): Promise<void>;
  /** Adds the remaining kept articles and returns each stale chunk's files. */
  finish(): Promise<SearchFiles>;
  abort(): Promise<void>;
}

export function createSearchFeed(indexer: SearchIndexer, routes: PageRoute[], chunks: SearchChunk[], stale: ReadonlySet<number>, fresh: ReadonlySet<PageRoute>, previousOutDir: string): SearchFeed {
  const routeOf = new Map(routes.filter((r) => r.meta.kind === 'post').map((r) => [r.outputPath, r]));
  const feeding = chunks.filter((c) => stale.has(c.id)).sort((a, b) => a.id - b.id);
  const articles = feeding.flatMap((c) => c.articles.map((a) => ({ route: routeOf.get(a.outputPath)!, chunk: c.id })));
  const position = new Map(articles.map((a, i) => [a.route, i]));
  let next = 0;
  // onPage is called for a whole batch at once: a queue keeps the order.
  let queue = Promise.resolve();
  const add = async (i: number, html: string) => {
    const { route, chunk } = articles[i];
    await indexer.add({ url: route.url, kind: route.meta.kind, html }, chunk);
    if (articles[i + 1]?.chunk !== chunk) indexer.complete(chunk);
  };
  const addKeptUntil = async (stop: number) => {
    for (; next < stop; next++) {
      if (!fresh.has(articles[next].route)) await add(next, await readFile(join(previousOutDir, articles[next].route.outputPath), 'utf8'));
    }
  };
  const enqueue = (work: () => Promise<void>) => (queue = queue.then(work));
  return {
    order: (toRender) => [...toRender.filter((r) => position.has(r)).sort((a, b) => position.get(a)! - position.get(b)!), ...toRender.filter((r) => !position.has(r))],
    rendered: (route, html) => {
      const at = position.get(route);
      return at === undefined
        ? Promise.resolve()
        : enqueue(async () => {
            await addKeptUntil(at);
            next++;
            await add(at, html);
          });
    },
    async finish() {
      await enqueue(() => addKeptUntil(articles.length));
      return indexer.finish(
        feeding.map((c) => c.id),
        keptChunks(chunks, stale, previousOutDir),
      );
    },
    abort: () => indexer.abort(),
  };
}
