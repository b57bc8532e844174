import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMarkup, type MarkupElement } from './parse-markup.js';

// The built site as the checker sees it: every file's output path, and for
// pages, feeds and sitemaps the elements and the references (href, src, URLs
// in feeds) written in them.

export interface Reference {
  value: string;
  /** Offset in the document of the element that holds the reference. */
  offset: number;
  element: string;
  /** For links inside a feed item's HTML: the URL of the item's article, whose source holds the link. */
  itemUrl?: string;
}

export interface BuiltDocument {
  file: string;
  text: string;
  kind: 'page' | 'feed';
  /** HTML pages only. */
  elements: MarkupElement[];
  references: Reference[];
}

export interface BuiltSite {
  /** Output paths with forward slashes. */
  files: Set<string>;
  documents: BuiltDocument[];
}

const referenceAttributes: Record<string, string> = { a: 'href', area: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src', audio: 'src', video: 'src', track: 'src' };
/** Feed and sitemap elements whose text is a URL. */
const urlElements = new Set(['link', 'loc', 'image:loc', 'icon', 'logo', 'uri', 'comments']);
/** Feed elements whose text is HTML (entry bodies). */
const htmlElements = new Set(['content:encoded', 'content', 'description', 'summary']);

export async function readBuiltSite(outDir: string): Promise<BuiltSite> {
  const paths = ((await readdir(outDir, { recursive: true, withFileTypes: true })) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(outDir.length + 1).split('\\').join('/'))
    .sort();
  const documents: BuiltDocument[] = [];
  for (const file of paths) {
    if (file.startsWith('pagefind/')) continue;
    if (file.endsWith('.html')) documents.push(readPage(file, await readFile(join(outDir, file), 'utf8')));
    else if (file.endsWith('.xml')) documents.push(readXmlFeed(file, await readFile(join(outDir, file), 'utf8')));
    else if (file.endsWith('.json')) {
      const feed = readJsonFeed(file, await readFile(join(outDir, file), 'utf8'));
      if (feed) documents.push(feed);
    }
  }
  return { files: new Set(paths), documents };
}

function readPage(file: string, text: string): BuiltDocument {
  const elements = parseMarkup(text, 'html');
  return { file, text, kind: 'page', elements, references: referencesOf(elements) };
}

function referencesOf(elements: MarkupElement[], place?: { offset: number; itemUrl?: string }): Reference[] {
  const references: Reference[] = [];
  for (const e of elements) {
    const attribute = referenceAttributes[e.name];
    const value = attribute && e.attrs[attribute];
    if (!value || (e.name === 'link' && /\b(preconnect|dns-prefetch)\b/.test(e.attrs.rel ?? ''))) continue;
    references.push({ value, offset: place?.offset ?? e.offset, element: e.name, itemUrl: place?.itemUrl });
  }
  return references;
}

/** RSS, Atom and sitemaps: URL attributes, URL elements, and the links inside entry HTML. */
function readXmlFeed(file: string, text: string): BuiltDocument {
  const references: Reference[] = [];
  let itemUrl: string | undefined;
  for (const e of parseMarkup(text, 'xml')) {
    if (e.name === 'item' || e.name === 'entry') itemUrl = undefined;
    const url = e.attrs.href ?? e.attrs.url;
    if (url) references.push({ value: url, offset: e.offset, element: e.name });
    if (urlElements.has(e.name) && !url && e.text.trim()) {
      references.push({ value: e.text.trim(), offset: e.offset, element: e.name });
      if (e.name === 'link') itemUrl ??= e.text.trim();
    }
    if (e.name === 'link' && e.attrs.href && (e.attrs.rel ?? 'alternate') === 'alternate') itemUrl ??= e.attrs.href;
    if (htmlElements.has(e.name)) references.push(...referencesOf(parseMarkup(e.text, 'html'), { offset: e.offset, itemUrl }));
  }
  return { file, text, kind: 'feed', elements: [], references };
}

interface JsonFeed {
  version?: unknown;
  home_page_url?: string;
  feed_url?: string;
  icon?: string;
  favicon?: string;
  items?: { url?: string; image?: string; content_html?: string }[];
}

function readJsonFeed(file: string, text: string): BuiltDocument | undefined {
  let feed: JsonFeed;
  try {
    feed = JSON.parse(text) as JsonFeed;
  } catch {
    return undefined;
  }
  if (typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/')) return undefined;
  const at = (value: string) => Math.max(0, text.indexOf(JSON.stringify(value).slice(1, -1)));
  const references: Reference[] = [];
  const add = (value: string | undefined, element: string) => value && references.push({ value, offset: at(value), element });
  add(feed.home_page_url, 'home_page_url');
  add(feed.feed_url, 'feed_url');
  add(feed.icon, 'icon');
  add(feed.favicon, 'favicon');
  for (const item of feed.items ?? []) {
    add(item.url, 'url');
    add(item.image, 'image');
    if (item.content_html) references.push(...referencesOf(parseMarkup(item.content_html, 'html'), { offset: at(item.url ?? ''), itemUrl: item.url }));
  }
  return { file, text, kind: 'feed', elements: [], references };
}
