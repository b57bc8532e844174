// The search over the site's index chunks, with the API of Pagefind's own pagefind.js (the calls Pagefind's UI
// makes: options, mergeIndex, filters, preload, search, destroy), so the UI loads this module in its place
// (/pagefind/pagefind.js) and shows exactly the articles one index of the whole site would find.
//
// Why: a Pagefind index that has no word starting with a searched term falls back to the longest indexed word
// the term starts with, and a term with no such word at all is left out of the query (Pagefind/pagefind#780).
// Each chunk decides that from its own words, so a chunk without "refugees" answers for "re", while one index,
// which has the word, never falls back. The word index (/pagefind/words/) has one record per chunk holding every
// word that chunk's articles are indexed under, so it has the same words as one index and Pagefind picks the same
// word for every term in it. A chunk's record matches a query exactly when the chunk has, for every term the
// query keeps, one of the words one index would use; for such a chunk Pagefind's own choice of words is then the
// same as one index's, and a chunk whose record does not match holds no article one index would find. So the
// results are the articles of the matching chunks, as the chunks rank them (by Pagefind's score within each
// chunk: the same articles as one index, in an order that can differ where chunks weigh words differently).
// Quoted searches match whole words only, with no fallback, and go to every chunk as they are.

let settings = {};
const chunks = [];
let words;
let started;

/** A filter Pagefind adds to every page of an index, naming the chunk (or `words`); kept out of what the UI sees. */
const chunkKey = 'migrant-site-chunk';
/** The filter of a word index record: the chunk whose words it holds (see src/outputs/search-words.ts). */
const wordsOfKey = 'migrant-site-words-of';

export async function options(more) {
  settings = { ...settings, ...more };
}

/**
 * search.js hands over every chunk with its folder (`chunk`), and the word index flagged `words: true` when there
 * is more than one chunk. Nothing loads until the first search.
 */
export async function mergeIndex(bundlePath, more = {}) {
  const { words: isWords, chunk, ...rest } = more;
  if (isWords) words = { bundlePath, options: rest };
  else chunks.push({ bundlePath, chunk, options: rest });
}

function start() {
  started ??= (async () => {
    const primary = words ?? chunks[0];
    const pagefind = await import(`${primary.bundlePath}pagefind.js`);
    const instance = pagefind.createInstance({ ...settings, ...primary.options, basePath: primary.bundlePath, mergeFilter: { [chunkKey]: primary.chunk ?? 'words' } });
    for (const chunk of chunks) {
      if (chunk !== primary) await instance.mergeIndex(chunk.bundlePath, { ...settings, ...chunk.options, mergeFilter: { [chunkKey]: chunk.chunk } });
    }
    // The word index's records name their chunk in a filter, whose values Pagefind counts only once loaded.
    await instance.filters();
    return instance;
  })();
  return started;
}

const withoutOwnFilters = (counts = {}) => Object.fromEntries(Object.entries(counts).filter(([key]) => key !== chunkKey && key !== wordsOfKey));

export async function filters() {
  return withoutOwnFilters(await (await start()).filters());
}

export async function preload(term, more = {}) {
  await (await start()).preload(term, more);
}

/** The chunks that hold articles one index would find for `term`: all of them without a word index, or for a quoted search. */
async function chunksFor(instance, term) {
  const all = chunks.map((c) => c.chunk);
  if (!words || term === null || /^\s*".+"\s*$/.test(term)) return all;
  const found = await instance.search(term, { filters: { [chunkKey]: 'words' } });
  const counts = found.filters?.[wordsOfKey] ?? {};
  return all.filter((chunk) => counts[chunk] > 0);
}

export async function search(term, more = {}) {
  const instance = await start();
  const wanted = await chunksFor(instance, term);
  if (wanted.length === 0) return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: [] };
  const found = await instance.search(term, { ...more, filters: { ...more.filters, any: wanted.map((chunk) => ({ [chunkKey]: chunk })) } });
  return { ...found, filters: withoutOwnFilters(found.filters), totalFilters: withoutOwnFilters(found.totalFilters) };
}

export async function destroy() {
  if (started) await (await started).destroy();
  started = undefined;
}
