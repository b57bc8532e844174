import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element, ParentNode } from 'domhandler';

// The built sample site's pages read from disk, for the claims their markup
// alone decides: parsing a page in-process costs milliseconds, a browser visit a second.

/** The file the server sends for `path` under /news/ (query ignored): the folder's index.html, else 404.html. */
export function builtFile(dir: string, path: string): string {
  const folder = join(dir, path.replace(/\?.*$/, '').replace(/^\/news\//, ''));
  return existsSync(join(folder, 'index.html')) ? join(folder, 'index.html') : join(dir, '404.html');
}

/** Every URL path the site's sitemap lists. */
export function sitemapPaths(dir: string): string[] {
  return [...readFileSync(join(dir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname);
}

export const hasClass = (node: ParentNode | null, name: string): boolean =>
  node !== null && 'attribs' in node && (node.attribs.class ?? '').split(/\s+/).includes(name);

/** The nearest element around `node` (itself included) that is `main` or has one of `classes`, named as the browser test names it. */
export function placeOf(node: Element, classes: string[]): string {
  for (let el: ParentNode | null = node; el !== null && 'attribs' in el; el = el.parent) {
    if (el.name === 'main' || classes.some((c) => hasClass(el, c))) return (el.attribs.class ?? '').split(' ')[0];
  }
  return 'elsewhere';
}

/** A built page's elements, in document order. */
export function builtPage(dir: string, path: string) {
  const document = parseDocument(readFileSync(builtFile(dir, path), 'utf8'));
  return {
    all: (test: (el: Element) => boolean): Element[] => DomUtils.findAll(test, document.children),
    first: (test: (el: Element) => boolean): Element | null => DomUtils.findOne(test, document.children),
    /** The element's text as the DOM's textContent gives it, trimmed. */
    text: (el: Element): string => DomUtils.textContent(el).trim(),
  };
}
