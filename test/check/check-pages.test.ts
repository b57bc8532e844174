import { describe, expect, it } from 'vitest';
import { checkPage } from '../../src/check/check-pages.js';
import { parseMarkup } from '../../src/check/parse-markup.js';
import type { BuiltDocument } from '../../src/check/read-built-site.js';

function page(body: string, head = '<title>Page</title><link rel="canonical" href="https://example.org/a/">', file = 'a/index.html'): BuiltDocument {
  const text = `<!doctype html><html><head>${head}</head>\n<body>${body}</body></html>`;
  return { file, text, kind: 'page', elements: parseMarkup(text, 'html'), references: [] };
}

const found = (doc: BuiltDocument) => checkPage(doc).map((p) => `${p.severity} ${p.code} ${p.message}${p.onlyInSource ? ' (source only)' : ''}`);

describe('checkPage', () => {
  it('passes a page with a title, a canonical URL, unique ids, headings with text and described images', () => {
    expect(found(page('<h1 id="t">Title</h1><h2><img src="/x.svg" alt="Logo"></h2><img src="/y.svg" alt="A boat">'))).toEqual([]);
  });

  it('finds a duplicate id, an empty heading and an image without alt', () => {
    expect(found(page('<h2 id="x">One</h2><p id="x"></p><h3> </h3><img src="/a.png">'))).toEqual([
      'error MS706 id "x" is used more than once on the page',
      'warning MS705 empty <h3> heading',
      'error MS704 image "/a.png" has no alt text',
    ]);
  });

  it('reports an empty alt only when an author wrote it in markdown (templates use it for decorative images)', () => {
    expect(found(page('<img src="/avatar.svg" alt="">'))).toEqual(['error MS704 image "/avatar.svg" has no alt text (source only)']);
  });

  it('finds a missing title and a missing canonical URL, but not on the 404 page', () => {
    expect(found(page('<p>x</p>', '<title> </title>'))).toEqual(['error MS707 page has no title', 'error MS708 page has no canonical URL']);
    expect(found(page('<p>x</p>', '<title>Not found</title>', '404.html'))).toEqual([]);
  });
});
