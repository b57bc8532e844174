import { gunzipSync, gzipSync } from 'node:zlib';

// The words each search chunk is indexed under, for the word index that makes
// the chunks answer exactly as one index (see theme/pagefind/pagefind.js for
// why). Pagefind indexes a page's text and its metadata word by word, each
// whitespace-separated piece on its own (lower-cased, stemmed, split at
// hyphens and the like), and keeps that text in the page's fragment. So the
// distinct pieces of a chunk's fragments, given back to Pagefind as one record,
// are indexed under the same words as the chunk's articles: Pagefind itself
// does the stemming, and nothing here needs to know how. Only distinct pieces
// are kept, so a record is a fraction of its chunk's text and the word index
// costs a fraction of a chunk's indexing.

/** A chunk's distinct text pieces by language (Pagefind keeps one index per language). */
export type ChunkWords = Record<string, string[]>;

/** The filter of a word index record, naming its chunk's folder (theme/pagefind/pagefind.js reads it). */
export const wordsOfFilter = 'migrant-site-words-of';

/** The file in a chunk's folder that keeps its words for builds that keep the chunk and make the word index again. */
export const chunkWordsFile = 'words.json.gz';

/**
 * The words of a chunk from the files Pagefind made for it: each fragment
 * (`fragment/<language>_<hash>.pf_fragment`, gzip of `pagefind_dcd` and the
 * page's JSON: its text and metadata) adds its pieces to its language.
 */
export function wordsOfChunk(files: readonly { path: string; content: Uint8Array }[]): ChunkWords {
  const byLanguage = new Map<string, Set<string>>();
  for (const file of files) {
    const name = /^fragment\/([^/_]+)_[^/]+\.pf_fragment$/.exec(file.path);
    if (!name) continue;
    const fragment = JSON.parse(decodePagefind(file.content, file.path)) as { content: string; meta?: Record<string, string> };
    let pieces = byLanguage.get(name[1]);
    if (!pieces) byLanguage.set(name[1], (pieces = new Set()));
    for (const text of [fragment.content, ...Object.values(fragment.meta ?? {})]) for (const piece of text.split(/\s+/)) if (piece) pieces.add(piece);
  }
  return Object.fromEntries([...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1)).map(([language, pieces]) => [language, [...pieces].sort()]));
}

function decodePagefind(data: Uint8Array, path: string): string {
  const signature = 'pagefind_dcd';
  const raw = Buffer.from(data).subarray(0, signature.length).toString() === signature ? Buffer.from(data) : gunzipSync(data);
  if (raw.subarray(0, signature.length).toString() !== signature) throw new Error(`${path}: not a Pagefind fragment`);
  return raw.subarray(signature.length).toString('utf8');
}

export const encodeChunkWords = (words: ChunkWords): Uint8Array => gzipSync(JSON.stringify(words));
export const decodeChunkWords = (data: Uint8Array): ChunkWords => JSON.parse(gunzipSync(data).toString('utf8')) as ChunkWords;
