import * as pagefind from 'pagefind';
import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import type { GeneratedFile, RenderedPageInfo } from './generated-file.js';
import { chunkCountFor, chunkFolder, chunkOf, isChunkFile, renderSearchEntry, searchBundleUrl, wordIndexFolder } from './search-chunks.js';
import { chunkWordsFile, encodeChunkWords, wordsOfChunk, wordsOfFilter, type ChunkWords } from './search-words.js';

// The only pagefind import. Pagefind indexes the rendered article pages in
// memory (its binary runs as a child process) and hands back its UI bundle and
// index fragments, which go through the build's atomic writer like any page.
// The index is made in chunks (search-chunks.ts), each its own Pagefind index,
// and, when there is more than one chunk, a word index with a record of each
// chunk's words (search-words.ts) that the search page asks first.

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
  /**
   * These chunks' indexes, and the bundle's root: Pagefind's UI and the word
   * index of these chunks and the `kept` ones, whose words come from their
   * folders in the last output.
   */
  finish(chunks: readonly number[], kept?: KeptChunks): Promise<SearchFiles>;
  /** Stops Pagefind when the build fails before finishing. */
  abort(): Promise<void>;
}

/** The chunks with articles that keep their index from the last output, and how to read their words from there. */
export interface KeptChunks {
  ids: readonly number[];
  read(id: number): Promise<ChunkWords>;
}

export interface SearchFiles {
  /** Each chunk's files under `/pagefind/chunks/N/`; none for a chunk given no pages (see renderSearchEntry). */
  chunks: Map<number, GeneratedFile[]>;
  /** pagefind-ui.js and the rest that is the same for every chunk, and the word index, at `/pagefind/`. */
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
    async finish(chunks, kept) {
      const timeoutMs = options.timeoutMs ?? 60_000 + count * 20;
      try {
        return await withTimeout(
          (async () => {
            await Promise.all(inFlight);
            if (failure !== undefined) throw failure;
            const files: SearchFiles = { chunks: new Map(), bundle: [] };
            const words = new Map<number, ChunkWords>();
            for (const chunk of chunks) {
              const made = await (await indexOf(chunk)).getFiles();
              if (made.errors.length > 0) throw new Error(made.errors.join('; '));
              const folder = `${searchBundleUrl}${chunkFolder(chunk)}`;
              const own = made.files.filter((f) => isChunkFile(f.path));
              if (withPages.has(chunk)) words.set(chunk, wordsOfChunk(own));
              files.chunks.set(chunk, withPages.has(chunk) ? [...own.map((f) => searchFile(`${folder}${f.path}`, f.content)), searchFile(`${folder}${chunkWordsFile}`, encodeChunkWords(words.get(chunk)!))] : []);
              if (files.bundle.length === 0) files.bundle = made.files.filter((f) => !isChunkFile(f.path)).map((f) => searchFile(`${searchBundleUrl}${f.path}`, f.content));
            }
            for (const id of kept?.ids ?? []) words.set(id, await kept!.read(id));
            if (words.size > 1) files.bundle.push(...(await renderWordIndex(words)));
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
 * The word index: one Pagefind record per chunk and language, holding the
 * chunk's words, with a filter naming the chunk's folder, in chunk order.
 */
async function renderWordIndex(words: ReadonlyMap<number, ChunkWords>): Promise<GeneratedFile[]> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(errors.join('; ') || 'pagefind did not start');
  for (const [id, byLanguage] of [...words].sort(([a], [b]) => a - b)) {
    for (const [language, pieces] of Object.entries(byLanguage)) {
      const added = await index.addCustomRecord({ url: `/${chunkFolder(id)}${language}/`, content: pieces.join(' '), language, filters: { [wordsOfFilter]: [chunkFolder(id)] } });
      if (added.errors.length > 0) throw new Error(`the word index of chunk ${id}: ${added.errors.join('; ')}`);
    }
  }
  const made = await index.getFiles();
  if (made.errors.length > 0) throw new Error(made.errors.join('; '));
  return made.files.filter((f) => isChunkFile(f.path)).map((f) => searchFile(`${searchBundleUrl}${wordIndexFolder}${f.path}`, f.content));
}

/**
 * The whole search bundle for the article pages among `pages`: every chunk's
 * index, the word index, the chunk manifest and the search module. Pages go in URL order, so the index does not
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
  return [...files.bundle, ...[...files.chunks.values()].flat(), ...renderSearchEntry(ids.filter((id) => files.chunks.get(id)!.length > 0))];
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`pagefind did not finish within ${(ms / 1000).toFixed(1)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
