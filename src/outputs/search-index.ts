import * as pagefind from 'pagefind';
import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import type { GeneratedFile, RenderedPageInfo } from './generated-file.js';

// The only pagefind import. Pagefind indexes the rendered article pages in
// memory (its binary runs as a child process) and hands back its UI bundle and
// index fragments, which go through the build's atomic writer like any page.

export interface SearchIndexOptions {
  /** How long indexing may take before the build gives up; default grows with the number of articles. */
  timeoutMs?: number;
}

export interface SearchIndexer {
  /**
   * Queues a page; only articles are indexed. Pagefind works in its own
   * process meanwhile; the promise resolves once few enough pages are in
   * flight, so a slow index cannot pile up every page in memory.
   */
  add(page: RenderedPageInfo): Promise<void>;
  /** Pagefind's bundle as files under `/pagefind/`. */
  finish(): Promise<GeneratedFile[]>;
  /** Stops Pagefind when the build fails before finishing. */
  abort(): Promise<void>;
}

const maxInFlight = 64;

/**
 * Starts a search index that pages are fed to while the rest of the site
 * renders, so Pagefind's own process indexes on the other core meanwhile.
 */
export function startSearchIndex(config: SiteConfig, options: SearchIndexOptions = {}): SearchIndexer {
  const created = pagefind.createIndex().then(({ index, errors }) => {
    if (!index) throw new Error(errors.join('; ') || 'pagefind did not start');
    return index;
  });
  // Until finish() looks at them, failures are kept, not thrown.
  created.catch(() => undefined);
  const inFlight = new Set<Promise<void>>();
  let count = 0;
  let failure: unknown;
  return {
    async add(page) {
      if (page.kind !== 'post') return;
      count++;
      const done = created
        .then(async (index) => {
          const result = await index.addHTMLFile({ url: page.url, content: page.html });
          if (result.errors.length > 0) throw new Error(`${page.url}: ${result.errors.join('; ')}`);
        })
        .catch((e: unknown) => void (failure ??= e))
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
      // Messages still go out in order: waiting only delays the next one.
      while (inFlight.size >= maxInFlight && failure === undefined) await Promise.race(inFlight);
    },
    async finish() {
      const timeoutMs = options.timeoutMs ?? 60_000 + count * 20;
      try {
        const files = await withTimeout(
          (async () => {
            await Promise.all(inFlight);
            if (failure !== undefined) throw failure;
            const { files, errors } = await (await created).getFiles();
            if (errors.length > 0) throw new Error(errors.join('; '));
            return files;
          })(),
          timeoutMs,
        );
        return files.map((f) => ({ url: `/pagefind/${f.path}`, data: f.content, origin: 'search index' }));
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new SiteError(
          error(codes.searchIndex, `could not build the search index: ${reason}`, {
            hint: 'set "search": { "enabled": false } in site.config.json to build without search, and report the problem',
          }),
          { cause },
        );
      } finally {
        // Stops the binary: a stuck one must not outlive the build, and a finished one has nothing left to do.
        await pagefind.close();
      }
    },
    async abort() {
      await pagefind.close();
    },
  };
}

/** Pagefind's bundle for the article pages among `pages` (in URL order, so the index does not depend on input order). */
export async function renderSearchIndex(pages: RenderedPageInfo[], config: SiteConfig, options: SearchIndexOptions = {}): Promise<GeneratedFile[]> {
  if (!config.search.enabled) return [];
  const indexer = startSearchIndex(config, options);
  for (const page of [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) await indexer.add(page);
  return indexer.finish();
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`pagefind did not finish within ${(ms / 1000).toFixed(1)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
