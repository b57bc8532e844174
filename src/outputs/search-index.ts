import * as pagefind from 'pagefind';
import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import type { GeneratedFile, RenderedPageInfo } from './generated-file.js';
import { chunkCountFor, chunkFolder, chunkOf, isChunkFile, renderChunkManifest, searchBundleUrl } from './search-chunks.js';

// The only pagefind import. Pagefind indexes the rendered article pages in
// memory (its binary runs as a child process) and hands back its UI bundle and
// index fragments, which go through the build's atomic writer like any page.
// The index is made in chunks (search-chunks.ts), each its own Pagefind index.

export interface SearchIndexOptions {
  /** How long indexing may take before the build gives up; default grows with the number of articles. */
  timeoutMs?: number;
}

export interface SearchIndexer {
  /**
   * Queues an article page for the index of its chunk (see search-chunks.ts).
   * Pagefind works in its own process meanwhile; the promise resolves once few
   * enough pages are in flight, so a slow index cannot pile up every page in memory.
   */
  add(page: RenderedPageInfo, chunk: number): Promise<void>;
  /** These chunks' indexes, and Pagefind's UI for the bundle's root. */
  finish(chunks: readonly number[]): Promise<SearchFiles>;
  /** Stops Pagefind when the build fails before finishing. */
  abort(): Promise<void>;
}

export interface SearchFiles {
  /** Each chunk's files under `/pagefind/chunks/N/`; none for a chunk given no pages (see renderChunkManifest). */
  chunks: Map<number, GeneratedFile[]>;
  /** pagefind-ui.js and the rest that is the same for every chunk, at `/pagefind/`. */
  bundle: GeneratedFile[];
}

const maxInFlight = 64;

/**
 * Starts the search indexes that pages are fed to while the rest of the site
 * renders, so Pagefind's own process indexes on the other core meanwhile. One
 * Pagefind process holds an index per chunk being made.
 */
export function startSearchIndex(config: SiteConfig, options: SearchIndexOptions = {}): SearchIndexer {
  const indexes = new Map<number, Promise<pagefind.PagefindIndex>>();
  const indexOf = (chunk: number) => {
    let created = indexes.get(chunk);
    if (!created) {
      created = pagefind.createIndex().then(({ index, errors }) => {
        if (!index) throw new Error(errors.join('; ') || 'pagefind did not start');
        return index;
      });
      // Until finish() looks at them, failures are kept, not thrown.
      created.catch(() => undefined);
      indexes.set(chunk, created);
    }
    return created;
  };
  const inFlight = new Set<Promise<void>>();
  const withPages = new Set<number>();
  let count = 0;
  let failure: unknown;
  return {
    async add(page, chunk) {
      if (page.kind !== 'post') return;
      count++;
      withPages.add(chunk);
      const done = indexOf(chunk)
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
    async finish(chunks) {
      const timeoutMs = options.timeoutMs ?? 60_000 + count * 20;
      try {
        return await withTimeout(
          (async () => {
            await Promise.all(inFlight);
            if (failure !== undefined) throw failure;
            const files: SearchFiles = { chunks: new Map(), bundle: [] };
            for (const chunk of chunks) {
              const made = await (await indexOf(chunk)).getFiles();
              if (made.errors.length > 0) throw new Error(made.errors.join('; '));
              const folder = `${searchBundleUrl}${chunkFolder(chunk)}`;
              files.chunks.set(chunk, withPages.has(chunk) ? made.files.filter((f) => isChunkFile(f.path)).map((f) => searchFile(`${folder}${f.path}`, f.content)) : []);
              if (files.bundle.length === 0) files.bundle = made.files.filter((f) => !isChunkFile(f.path)).map((f) => searchFile(`${searchBundleUrl}${f.path}`, f.content));
            }
            return files;
          })(),
          timeoutMs,
        );
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

const searchFile = (url: string, data: Uint8Array): GeneratedFile => ({ url, data, origin: 'search index' });

/**
 * The whole search bundle for the article pages among `pages`: every chunk's
 * index and the chunk manifest. Pages go in URL order, so the index does not
 * depend on input order.
 */
export async function renderSearchIndex(pages: RenderedPageInfo[], config: SiteConfig, options: SearchIndexOptions = {}): Promise<GeneratedFile[]> {
  if (!config.search.enabled) return [];
  const articles = pages.filter((p) => p.kind === 'post').sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const chunks = chunkCountFor(articles.length, config.search.chunkSize);
  const indexer = startSearchIndex(config, options);
  for (const page of articles) await indexer.add(page, chunkOf(page.url, chunks));
  const ids = Array.from({ length: chunks }, (_, i) => i);
  const files = await indexer.finish(ids);
  return [...files.bundle, ...[...files.chunks.values()].flat(), renderChunkManifest(ids.filter((id) => files.chunks.get(id)!.length > 0))];
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`pagefind did not finish within ${(ms / 1000).toFixed(1)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
