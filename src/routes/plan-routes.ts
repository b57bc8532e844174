import type { SiteConfig } from '../config/schema.js';
import { paginate } from '../graph/paginate.js';
import type { PageOf } from '../graph/paginate.js';
import { keyPlace } from '../graph/key-place.js';
import { createListPicker, relatedShown, storiesShown, withPictureLead } from '../graph/page-lists.js';
import type { AuthorNode, PageNode, PostNode, SiteGraph, Term } from '../graph/types.js';
import type { OutputClaim } from './check-output-paths.js';
import { toOutputPath } from './output-path.js';

/** The theme's words (i18n keys) pages are titled with: index pages, and a list's later pages (`{title}: page {page}`). */
export const pageTitleKeys = ['tags', 'categories', 'authors', 'searchTitle', 'pageNotFound', 'pagedTitle'] as const;

/** A title in the theme's words: an i18n key and its placeholders, put in the page's language when it renders. */
export interface ThemeText {
  key: (typeof pageTitleKeys)[number];
  params?: Record<string, string | number>;
}

export interface PageMeta {
  kind: 'home' | 'post' | 'page' | 'term' | 'terms' | 'author' | 'authors' | 'search' | '404';
  /** As written (an article's headline, a tag's name) or in the theme's words. */
  title: string | ThemeText;
  description: string;
  /** Site-relative URL of this page. */
  url: string;
  /** Not for search engines or sitemaps (search results, the 404 page). */
  noindex: boolean;
}

/** The layout-specific part of a page's template context. */
export interface RouteContext {
  post?: PostNode;
  page?: PageNode;
  term?: Term;
  author?: AuthorNode;
  terms?: Term[];
  authors?: AuthorNode[];
  pagination?: PageOf<PostNode>;
  /** The not-found page's suggestions: the newest stories. */
  latest?: PostNode[];
  /** An article page's related articles, without its neighbours (relatedShown). */
  related?: PostNode[];
  /** The curated lists as this page shows them: without its own stories, no story in two lists (pickPageLists); pages that show none of their stories share one object. */
  lists?: Record<string, PostNode[]>;
}

/** A page rendered from a layout. */
export interface PageRoute {
  url: string;
  outputPath: string;
  layout: string;
  meta: PageMeta;
  /** The layout-specific part of the template context. */
  context: RouteContext;
  /** Content files this page shows (for diagnostics and incremental rebuilds). */
  sources: string[];
  /** What asked for this page, for collision reports: a file or `tag "asylum"`. */
  origin: string;
  /** The front matter line that set its address (slug, permalink), for collision reports. */
  place?: OutputClaim['place'];
  /** When what the page shows last changed, for sitemaps. */
  lastmod?: Date;
}

/** A file copied as it is (images, theme assets). */
export interface CopyRoute {
  outputPath: string;
  copyFrom: string;
  sources: string[];
  origin: string;
}

export interface StaticFile {
  /** Path inside the output folder, forward slashes. */
  outputPath: string;
  absPath: string;
  source: string;
}

export interface RoutePlan {
  pages: PageRoute[];
  copies: CopyRoute[];
}

// The only place that turns the site graph into output paths.
export function planRoutes(graph: SiteGraph, config: SiteConfig, staticFiles: StaticFile[]): RoutePlan {
  const pages: PageRoute[] = [];
  const perPage = config.postsPerPage;
  const describe = (text: string | undefined) => text || config.description;

  for (const p of paginate(graph.posts, perPage, '/')) {
    const title = pagedTitle(config.title, p.pageNumber);
    const pagination = p.pageNumber === 1 ? { ...p, items: withPictureLead(p.items) } : p;
    pages.push(page(p.url, 'home', { kind: 'home', title, description: config.description }, { pagination }, sourcesOf(p.items), 'home page'));
  }
  for (const post of graph.posts) {
    pages.push(page(post.url, 'post', { kind: 'post', title: post.title, description: post.summary }, { post, related: relatedShown(post) }, [post.sourcePath], post.sourcePath, addressPlace(post)));
  }
  for (const p of graph.pages) {
    pages.push(page(p.url, 'page', { kind: 'page', title: p.title, description: describe(p.description) }, { page: p }, [p.sourcePath], p.sourcePath, addressPlace(p)));
  }
  for (const [terms, titleKey, indexUrl] of [
    [graph.tags, 'tags', '/tags/'],
    [graph.categories, 'categories', '/categories/'],
  ] as const) {
    for (const term of allTerms(terms)) {
      for (const p of paginate(term.posts, perPage, term.url)) {
        const title = pagedTitle(term.name, p.pageNumber);
        pages.push(page(p.url, 'list', { kind: 'term', title, description: describe(term.description) }, { term, pagination: p }, sourcesOf(p.items), `${term.kind} "${term.name}"`));
      }
    }
    pages.push(page(indexUrl, 'terms', { kind: 'terms', title: { key: titleKey }, description: config.description }, { terms: [...terms] }, [], `${titleKey} index`));
  }
  for (const author of graph.authors) {
    for (const p of paginate(author.posts, perPage, author.url)) {
      const title = pagedTitle(author.name, p.pageNumber);
      pages.push(page(p.url, 'list', { kind: 'author', title, description: describe(author.role) }, { author, pagination: p }, [author.sourcePath, ...sourcesOf(p.items)], author.sourcePath));
    }
  }
  pages.push(page('/authors/', 'authors', { kind: 'authors', title: { key: 'authors' }, description: config.description }, { authors: graph.authors }, [], 'authors index'));
  if (config.search.enabled) {
    pages.push(page('/search/', 'search', { kind: 'search', title: { key: 'searchTitle' }, description: config.description }, {}, [], 'search page'));
  }
  pages.push(page('/404.html', '404', { kind: '404', title: { key: 'pageNotFound' }, description: config.description }, { latest: graph.posts.slice(0, 5) }, [], 'not-found page'));

  const pickLists = createListPicker(graph.rankedLists);
  for (const route of pages) route.context.lists = pickLists(storiesShown(route.context));
  const copies: CopyRoute[] = staticFiles.map((f) => ({ outputPath: f.outputPath, copyFrom: f.absPath, sources: [f.source], origin: f.source }));
  return { pages, copies };
}

function page(url: string, layout: string, meta: Omit<PageMeta, 'url' | 'noindex'>, context: RouteContext, sources: string[], origin: string, place?: PageRoute['place']): PageRoute {
  const shown = context.post ? [context.post] : (context.pagination?.items ?? []);
  const route: PageRoute = { url, outputPath: toOutputPath(url) ?? '', layout, meta: { ...meta, url, noindex: meta.kind === 'search' || meta.kind === '404' }, context, sources, origin, lastmod: latestChange(shown) };
  return place ? { ...route, place } : route;
}

/** A list's title, with its page number after the first page ("Asylum: page 2"). */
function pagedTitle(title: string, pageNumber: number): PageMeta['title'] {
  return pageNumber === 1 ? title : { key: 'pagedTitle', params: { title, page: pageNumber } };
}

/** Where an article or page set its own address, if it did. */
function addressPlace(item: PostNode | PageNode): PageRoute['place'] {
  const place = keyPlace(item, 'permalink', 'url', 'slug');
  return place.line === undefined ? undefined : place;
}

function latestChange(posts: PostNode[]): Date | undefined {
  let latest: Date | undefined;
  for (const p of posts) {
    const changed = p.updated ?? p.date;
    if (!latest || changed > latest) latest = changed;
  }
  return latest;
}

function sourcesOf(posts: PostNode[]): string[] {
  return posts.map((p) => p.sourcePath);
}

/** Categories are a tree; every node gets a page. */
function allTerms(terms: readonly Term[]): Term[] {
  const out: Term[] = [];
  const seen = new Set<Term>();
  const visit = (t: Term) => {
    if (seen.has(t)) return;
    seen.add(t);
    out.push(t);
    t.children.forEach(visit);
  };
  terms.forEach(visit);
  return out;
}
