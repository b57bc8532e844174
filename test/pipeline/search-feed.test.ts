import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchIndexer } from '../../src/outputs/search-index.js';
import type { PageRoute } from '../../src/routes/plan-routes.js';
import { createSearchFeed } from '../../src/pipeline/search-feed.js';
import type { SearchChunk } from '../../src/pipeline/search-step.js';

// The feed hands Pagefind its articles chunk by chunk and completes each chunk
// after its last article, so Pagefind holds one chunk's index at a time
// (bench/RESULTS.md, "Peak memory of the whole process tree").

const route = (url: string, kind = 'post'): PageRoute => ({ url, outputPath: `${url.slice(1)}index.html`, layout: kind, meta: { kind, title: url }, context: {}, sources: [], origin: url }) as unknown as PageRoute;

/** An indexer that records what it is told, in order. */
function recordingIndexer() {
  const calls: string[] = [];
  const indexer: SearchIndexer = {
    async add(page, chunk) {
      calls.push(`add ${chunk} ${page.url} ${page.html}`);
    },
    complete(chunk) {
      calls.push(`complete ${chunk}`);
    },
    async finish(chunks) {
      calls.push(`finish ${chunks.join(',')}`);
      return { chunks: new Map(), bundle: [] };
    },
    async abort() {},
  };
  return { indexer, calls };
}

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('createSearchFeed', () => {
  // Plan order interleaves the chunks (an article's chunk is a hash of its URL).
  const [a, b, c, d, e] = ['/a/', '/b/', '/c/', '/d/', '/e/'].map((u) => route(u));
  const home = route('/', 'home');
  const routes = [home, a, b, c, d, e];
  const chunk = (id: number, ...members: PageRoute[]): SearchChunk => ({ id, key: `k${id}`, articles: members.map((r) => ({ url: r.url, outputPath: r.outputPath })) });
  const chunks = [chunk(0, a, c, e), chunk(1, b, d)];

  it('orders the render chunk by chunk, articles first, and completes each chunk after its last article', async () => {
    const { indexer, calls } = recordingIndexer();
    const feed = createSearchFeed(indexer, routes, chunks, new Set([0, 1]), new Set(routes), '/nonexistent');
    const order = feed.order(routes);
    expect(order.map((r) => r.url)).toEqual(['/a/', '/c/', '/e/', '/b/', '/d/', '/']);
    await Promise.all(order.map((r) => feed.rendered(r, `<${r.url}>`)));
    await feed.finish();
    expect(calls).toEqual(['add 0 /a/ </a/>', 'add 0 /c/ </c/>', 'add 0 /e/ </e/>', 'complete 0', 'add 1 /b/ </b/>', 'add 1 /d/ </d/>', 'complete 1', 'finish 0,1']);
  });

  it('feeds only the stale chunks, reading the articles not rendered again from the last output in their place', async () => {
    dir = mkdtempSync(join(tmpdir(), 'migrant-site-feed-'));
    for (const r of [b, d]) {
      mkdirSync(dirname(join(dir, r.outputPath)), { recursive: true });
      writeFileSync(join(dir, r.outputPath), `old ${r.url}`);
    }
    const { indexer, calls } = recordingIndexer();
    // Chunk 1 is stale because /d/ changed; /b/ was not rendered again. Chunk 0 is kept.
    const feed = createSearchFeed(indexer, routes, chunks, new Set([1]), new Set([d]), dir);
    const order = feed.order([d, home]);
    expect(order.map((r) => r.url)).toEqual(['/d/', '/']);
    for (const r of order) await feed.rendered(r, `new ${r.url}`);
    await feed.finish();
    expect(calls).toEqual(['add 1 /b/ old /b/', 'add 1 /d/ new /d/', 'complete 1', 'finish 1']);
  });
});
