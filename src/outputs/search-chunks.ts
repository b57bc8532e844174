import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { GeneratedFile } from './generated-file.js';

// The search index is split into chunks, each its own Pagefind index, so that
// one changed article costs one chunk's indexing instead of the whole
// archive's. Readers' browsers merge the chunks at query time (Pagefind's
// multisite mergeIndex), so results are the same articles as one index gives.
//
// An article's chunk is a hash of its URL, spread over the chunks by linear
// hashing: the number of chunks follows the number of articles (one per
// `chunkSize`, rounded up), and when it grows by one, exactly one chunk splits
// in two and every other article stays where it was. So an added, edited or
// removed article changes one chunk (two on the rare build where the count
// crosses a multiple of chunkSize), the chunks stay within a factor of two of
// each other, and the assignment depends on the URLs alone: any build, or any
// shard of one, puts an article in the same chunk. Chunks by year or by
// position in date order were the alternatives: years are unbalanced (the
// current one grows, early ones are small), and fixed-size runs in date order
// shift every later chunk when an article is backdated or removed.

/** Where the search bundle lives: Pagefind's UI at its root, each chunk in its own folder under it. */
export const searchBundleUrl = '/pagefind/';
/** Lists the chunks that hold articles, for the search page's script; the first is the primary index. */
export const chunkManifestUrl = `${searchBundleUrl}chunks.json`;

/** How many chunks a site with `articles` articles has. */
export function chunkCountFor(articles: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(articles / chunkSize));
}

/** The chunk of the article at `url`, among `chunks` chunks (linear hashing, see above). */
export function chunkOf(url: string, chunks: number): number {
  const h = createHash('sha1').update(url).digest().readUInt32BE(0);
  let level = 1;
  while (level * 2 <= chunks) level *= 2;
  const bucket = h % (level * 2);
  return bucket < chunks ? bucket : bucket - level;
}

/** The word index's folder, relative to the bundle: there when more than one chunk holds articles (search-words.ts). */
export const wordIndexFolder = 'words/';

/** A chunk's folder, relative to the bundle. */
export function chunkFolder(chunk: number): string {
  return `chunks/${chunk}/`;
}

/**
 * Whether a file Pagefind makes for an index belongs to the chunk's folder:
 * its index data, and the search script, worker and WebAssembly that run it
 * (a page loads those from the primary chunk only). The rest (pagefind-ui.js
 * and the other UIs) is the same for every chunk and goes once to the bundle's root.
 */
export function isChunkFile(path: string): boolean {
  return path === 'pagefind.js' || path === 'pagefind-worker.js' || /^wasm\.[^/]*\.pagefind$/.test(path) || path === 'pagefind-entry.json' || path.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(path);
}

/**
 * The module Pagefind's UI loads as `/pagefind/pagefind.js`, which searches the
 * chunks as one index (theme/pagefind/pagefind.js says how). It is written with
 * the manifest on every build, not kept with the indexes, so a warm build never
 * serves one older than the code that made the manifest.
 */
let searchModule: Buffer | undefined;
const searchModuleSource = () => (searchModule ??= readFileSync(new URL('../../theme/pagefind/pagefind.js', import.meta.url)));

/**
 * What the search page reads before it searches: the manifest of the folders
 * of the chunks that hold articles, in chunk order (an empty Pagefind index has
 * no language, and merging one fails in the browser), and of the word index
 * when there is more than one; and the search module.
 */
export function renderSearchEntry(chunksWithArticles: readonly number[]): GeneratedFile[] {
  const words = chunksWithArticles.length > 1 ? { words: wordIndexFolder } : {};
  return [
    { url: chunkManifestUrl, data: `${JSON.stringify({ version: 2, chunks: chunksWithArticles.map(chunkFolder), ...words })}\n`, origin: 'search index' },
    { url: `${searchBundleUrl}pagefind.js`, data: searchModuleSource(), origin: 'search index' },
  ];
}
