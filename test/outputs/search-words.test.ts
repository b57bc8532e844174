import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeChunkWords, encodeChunkWords, wordsOfChunk } from '../../src/outputs/search-words.js';

// A chunk's words come from the fragments Pagefind made for its articles:
// every whitespace-separated piece of their text and metadata, once, by language.

const fragment = (path: string, page: object) => ({ path, content: gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(page))])) });

describe('the words of a search chunk', () => {
  it('keeps each distinct piece of the fragments’ text and metadata, by the language in the file name', () => {
    const files = [
      fragment('fragment/en_1a2b3c4.pf_fragment', { url: '/a/', content: 'Boats left Libya. Boats  returned re-entry', meta: { title: 'Boats left', image: '/news/images/boat.svg' }, filters: {} }),
      fragment('fragment/fr_5d6e7f8.pf_fragment', { url: '/fr/a/', content: 'Les bateaux', meta: { title: 'Bateaux' }, filters: {} }),
      { path: 'index/en_0a1b2c3.pf_index', content: new Uint8Array([1, 2, 3]) },
      { path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') },
    ];
    expect(wordsOfChunk(files)).toEqual({
      en: ['/news/images/boat.svg', 'Boats', 'Libya.', 'left', 're-entry', 'returned'],
      fr: ['Bateaux', 'Les', 'bateaux'],
    });
  });

  it('names a file that is not a Pagefind fragment', () => {
    expect(() => wordsOfChunk([{ path: 'fragment/en_bad.pf_fragment', content: gzipSync('{"content":""}') }])).toThrow('fragment/en_bad.pf_fragment: not a Pagefind fragment');
  });

  it('reads back what it keeps in a chunk’s folder', () => {
    const words = { en: ['Boats', 'left'], ar: ['قوارب'] };
    expect(decodeChunkWords(encodeChunkWords(words))).toEqual(words);
  });
});
