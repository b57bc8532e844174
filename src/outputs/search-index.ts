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
   * Says the chunk has all its pages: Pagefind makes its files now, one chunk
   * at a time, and drops its index. Fed chunk by chunk, Pagefind then holds
   * one chunk's index at once rather than the whole site's. Adding to a
   * completed chunk is an error.
   */
  complete(chunk: number): void;
  /**
   * These chunks' indexes (completing those not completed yet), and the
   * bundle's root: Pagefind's UI and the word index of these chunks and the
   * `kept` ones, whose words come from their folders in the last output.
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
 * Pagefind process holds an index per chunk being made; making a chunk's
 * files is where its memory peaks (several times what its pages take while
 * they are added: bench/RESULTS.md, "Peak memory of the whole process tree").
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
  const made = new Map<number, Promise<MadeChunk>>();
  let lastMade: Promise<unknown> = Promise.resolve();
  let bundle: GeneratedFile[] | undefined;
  let count = 0;
  let failure: unknown;
  /** The chunk's files and words, made once its pages are in and the chunk made before it is done. */
  const make = (chunk: number) => {
    let result = made.get(chunk);
    if (!result) {
      // The chunk's own pages are among the pages in flight now (later ones belong to other chunks).
      const pending = [...inFlight];
      result = lastMade.then(async () => {
        await Promise.all(pending);
        if (failure !== undefined) throw failure;
        const index = await indexOf(chunk);
        const got = await index.getFiles();
        if (got.errors.length > 0) throw new Error(got.errors.join('; '));
        await index.deleteIndex();
        indexes.delete(chunk);
        // Pagefind's UI is the same for every chunk: kept once, from the first chunk made.
        bundle ??= got.files.filter((f) => !isChunkFile(f.path)).map((f) => searchFile(`${searchBundleUrl}${f.path}`, f.content));
        return madeChunk(chunk, withPages.has(chunk), got.files);
      });
      // Until finish() looks at them, failures are kept, not thrown.
      result.catch(() => undefined);
      lastMade = result.catch(() => undefined);
      made.set(chunk, result);
    }
    return result;
  };
  return {
    async add(page, chunk) {
      if (page.kind !== 'post') return;
      if (made.has(chunk)) throw new Error(`search chunk ${chunk} was completed before ${page.url} was added to it`);
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
    complete(chunk) {
      void make(chunk);
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
              const one = await make(chunk);
              files.chunks.set(chunk, one.files);
              if (one.words) words.set(chunk, one.words);
            }
            files.bundle = [...(bundle ?? [])];
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

/** A chunk's files under its folder and, when it has pages, its words. */
interface MadeChunk {
  files: GeneratedFile[];
  words?: ChunkWords;
}

function madeChunk(chunk: number, hasPages: boolean, files: pagefind.IndexFile[]): MadeChunk {
  if (!hasPages) return { files: [] };
  const folder = `${searchBundleUrl}${chunkFolder(chunk)}`;
  const own = files.filter((f) => isChunkFile(f.path));
  const words = wordsOfChunk(own);
  return { files: [...own.map((f) => searchFile(`${folder}${f.path}`, f.content)), searchFile(`${folder}${chunkWordsFile}`, encodeChunkWords(words))], words };
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
 * index, the word index, the chunk manifest and the search module. Pages go
 * chunk by chunk, in URL order within each, so the index does not depend on input order.
 */
export async function renderSearchIndex(pages: RenderedPageInfo[], config: SiteConfig, options: SearchIndexOptions = {}): Promise<GeneratedFile[]> {
  if (!config.search.enabled) return [];
  const articles = pages.filter((p) => p.kind === 'post').sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const chunks = chunkCountFor(articles.length, config.search.chunkSize);
  const indexer = startSearchIndex(config, options);
  const ids = Array.from({ length: chunks }, (_, i) => i);
  for (const id of ids) {
    for (const page of articles.filter((p) => chunkOf(p.url, chunks) === id)) await indexer.add(page, id);
    indexer.complete(id);
  }
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
