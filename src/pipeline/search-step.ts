import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import type { GeneratedFile } from '../outputs/generated-file.js';
import { chunkCountFor, chunkFolder, chunkOf, renderSearchEntry, searchBundleUrl } from '../outputs/search-chunks.js';
import { startSearchIndex, type KeptChunks, type SearchFiles, type SearchIndexer } from '../outputs/search-index.js';
import { chunkWordsFile, decodeChunkWords } from '../outputs/search-words.js';
import { hashOf } from '../text/hash.js';
import { mapLimited } from '../write/map-limited.js';

// How a build gets its search index, chunk by chunk: a chunk whose articles
// show the same as when its index was made is kept from the last output, the
// others are indexed while pages render (see search-feed.ts), or all are left
// to a later refresh (serve --watch).

/** An article page as the search index sees it. */
export interface SearchArticle {
  url: string;
  outputPath: string;
}

/** One chunk's articles in plan order, and a key for what they show (their URLs and page signatures). */
export interface SearchChunk {
  id: number;
  key: string;
  articles: SearchArticle[];
}

/** What the saved state keeps of the search index: the URLs of the bundle's own files, and each chunk's key and files by chunk number. */
export interface SearchState {
  bundle: string[];
  chunks: { key: string; urls: string[] }[];
}

/** The chunks of the site's articles (in plan order), each with the key of its pages' signatures. */
export function searchChunksOf(articles: SearchArticle[], signatures: ReadonlyMap<string, string>, chunkSize: number): SearchChunk[] {
  const count = chunkCountFor(articles.length, chunkSize);
  const members: SearchArticle[][] = Array.from({ length: count }, () => []);
  for (const a of articles) members[chunkOf(a.url, count)].push(a);
  return members.map((list, id) => ({ id, key: hashOf(...list.map((a) => `${a.url} ${signatures.get(a.outputPath)}`)), articles: list }));
}

export type SearchPlan =
  | { kind: 'off' }
  | {
      kind: 'chunks';
      chunks: SearchChunk[];
      /** Chunks to index this pass, by number; the rest are kept. */
      stale: ReadonlySet<number>;
      /** The files kept from the last output: the kept chunks', and the bundle's when no chunk is indexed. */
      kept: string[];
      /** Only when some chunk is stale. */
      indexer?: SearchIndexer;
    };

export interface SearchInputs {
  config: SiteConfig;
  deferred: boolean;
  chunks: SearchChunk[];
  /** The last build's index, its chunks whose files are all in the output folder. */
  previous?: SearchState;
}

export function planSearch(input: SearchInputs): SearchPlan {
  if (!input.config.search.enabled || input.deferred) return { kind: 'off' };
  const { previous } = input;
  const same = (c: SearchChunk) => previous?.chunks[c.id]?.key === c.key;
  const stale = new Set(input.chunks.filter((c) => !same(c)).map((c) => c.id));
  const kept = [...(stale.size === 0 ? previous!.bundle : []), ...input.chunks.filter(same).flatMap((c) => previous!.chunks[c.id].urls)];
  return { kind: 'chunks', chunks: input.chunks, stale, kept, indexer: stale.size > 0 ? startSearchIndex(input.config) : undefined };
}

/** The manifest of the chunks that hold articles (the page's script merges those) and the search module, written on every build. */
export const searchEntryOf = (chunks: SearchChunk[]): GeneratedFile[] => renderSearchEntry(chunks.filter((c) => c.articles.length > 0).map((c) => c.id));

/** The state to save for the next build: each chunk's key and files, kept or made this pass. */
export function searchStateOf(plan: SearchPlan, previous: SearchState | undefined, made: SearchFiles): SearchState | undefined {
  if (plan.kind === 'off') return undefined;
  return {
    bundle: plan.stale.size > 0 ? made.bundle.map((f) => f.url) : previous!.bundle,
    chunks: plan.chunks.map((c) => ({ key: c.key, urls: plan.stale.has(c.id) ? (made.chunks.get(c.id) ?? []).map((f) => f.url) : previous!.chunks[c.id].urls })),
  };
}

/** The chunks with articles among `all` that are not indexed this pass, whose words the word index reads from their folders in `outDir`. */
export function keptChunks(all: readonly SearchChunk[], indexed: ReadonlySet<number>, outDir: string): KeptChunks {
  return {
    ids: all.filter((c) => c.articles.length > 0 && !indexed.has(c.id)).map((c) => c.id),
    read: async (id) => decodeChunkWords(await readFile(join(outDir, `${searchBundleUrl}${chunkFolder(id)}${chunkWordsFile}`.slice(1)))),
  };
}

/** Fresh indexes of these chunks, from their article pages in the output folder (serve --watch after a rebuild); `all` the site's chunks. */
export async function indexChunks(config: SiteConfig, outDir: string, chunks: SearchChunk[], all: SearchChunk[] = chunks): Promise<SearchFiles> {
  if (chunks.length === 0) return { chunks: new Map(), bundle: [] };
  const indexer = startSearchIndex(config);
  for (const chunk of chunks) {
    const htmls = await mapLimited(chunk.articles, 16, (a) => readFile(join(outDir, a.outputPath), 'utf8'));
    for (const [i, a] of chunk.articles.entries()) await indexer.add({ url: a.url, kind: 'post', html: htmls[i] }, chunk.id);
    indexer.complete(chunk.id);
  }
  return indexer.finish(
    chunks.map((c) => c.id),
    keptChunks(all, new Set(chunks.map((c) => c.id)), outDir),
  );
}

/**
 * The whole chunked search bundle of the article pages in an output folder
 * (`merge`): every chunk indexed from its articles in site order, as a cold
 * build feeds them, with the word index, the chunk manifest and the search module.
 */
export async function indexOutputFolder(config: SiteConfig, outDir: string, articles: SearchArticle[]): Promise<GeneratedFile[]> {
  const chunks = searchChunksOf(articles, new Map(), config.search.chunkSize);
  const files = await indexChunks(config, outDir, chunks);
  return [...files.bundle, ...[...files.chunks.values()].flat(), ...searchEntryOf(chunks)];
}
