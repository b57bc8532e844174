import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildAuthors } from './build-authors.js';
import { compareCodeUnits } from './compare-names.js';
import { keyPlace } from './key-place.js';
import { buildLists } from './lists.js';
import { expandPostPermalink } from './front-matter-permalink.js';
import { expandPermalink } from './permalink.js';
import { matchPopularity } from './popularity.js';
import { findRelated } from './related.js';
import { selectPosts } from './select-posts.js';
import { languageOf, linkTranslations } from './translations.js';
import { checkSlug } from '../text/slugify.js';
import { buildTaxonomies } from './taxonomies.js';
import type { Crumb, GraphInput, Page, PageNode, PostNode, SiteGraph, Term } from './types.js';

const HOME: Crumb = { name: 'Home', url: '/' };

/**
 * Links parsed content into the site graph: published posts newest first with
 * URLs, neighbours, breadcrumbs, terms, authors, related posts and curated lists.
 * Content problems come back as diagnostics. `config` must have passed
 * validateConfig (permalink tokens, category cycles).
 *
 * `previous`, the graph of the last build in this process (serve --watch),
 * lets related posts be scored again only where a change of terms can move them.
 */
export function buildSiteGraph(input: GraphInput, config: SiteConfig, previous?: SiteGraph): { graph: SiteGraph; diagnostics: Diagnostic[] } {
  const selected = selectPosts(input, config.language);
  const { posts } = selected;
  const taxonomies = buildTaxonomies(posts, config);
  for (const post of posts) {
    post.url = post.permalink
      ? expandPostPermalink(post.permalink, { slug: post.slug, date: post.date, categories: post.categories, timeZone: config.timeZone })
      : expandPermalink(config.permalinks.post, { slug: post.slug, date: post.date, category: post.primaryCategory?.slug, timeZone: config.timeZone });
    // A picture named relative to the article (`chart.png` in a page bundle) works on every page once it is site-relative.
    if (post.image && !/^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(post.image.src)) post.image = { ...post.image, src: new URL(post.image.src, `https://site.invalid${post.url}`).pathname };
    post.breadcrumb = breadcrumbOf(post.primaryCategory);
  }
  linkNeighbours(posts);
  const authors = buildAuthors(input.authors, posts, config);
  for (const [post, related] of findRelated(posts, config.related, previous?.posts)) post.related = related;

  const popularity = input.popularity && matchPopularity(posts, input.popularity, config.baseUrl, selected.skippedSlugs);
  const lists = buildLists(posts, config.lists, {
    tagsByKey: taxonomies.tagsByKey,
    categoriesByKey: taxonomies.categoriesByKey,
    authorsByKey: authors.byKey,
    popularity,
    now: input.now,
    timeZone: config.timeZone,
  });
  const pages = buildPages(input.pages, config);
  const translations = [...linkTranslations(posts, 'article'), ...linkTranslations(pages.pages, 'page')];

  const graph: SiteGraph = {
    posts,
    pages: pages.pages,
    authors: authors.authors,
    tags: taxonomies.tags,
    categories: taxonomies.categories,
    lists: lists.lists,
    rankedLists: lists.ranked,
    skipped: selected.skipped,
    now: input.now,
  };
  const diagnostics = [
    ...selected.diagnostics,
    ...pages.diagnostics,
    ...taxonomies.diagnostics,
    ...authors.diagnostics,
    ...(popularity?.diagnostics ?? []),
    ...lists.diagnostics,
    ...translations,
  ];
  return { graph, diagnostics };
}

/** Home » the primary category's ancestors, root first » the primary category. */
function breadcrumbOf(category: Term | undefined): Crumb[] {
  const chain: Crumb[] = [];
  const seen = new Set<Term>();
  for (let term = category; term && !seen.has(term); term = term.parent) {
    seen.add(term);
    chain.unshift({ name: term.name, url: term.url });
  }
  return [HOME, ...chain];
}

/**
 * `prev` is the older neighbour, `next` the newer one (posts are newest first),
 * skipping the story's own translations: the language switcher already links
 * them, and "older article" should lead to another story.
 */
function linkNeighbours(posts: PostNode[]): void {
  posts.forEach((post, i) => {
    post.next = nearestOtherStory(posts, post, i, -1);
    post.prev = nearestOtherStory(posts, post, i, 1);
  });
}

function nearestOtherStory(posts: PostNode[], post: PostNode, from: number, step: 1 | -1): PostNode | undefined {
  for (let i = from + step; i >= 0 && i < posts.length; i += step) {
    if (!post.translationKey || posts[i]!.translationKey !== post.translationKey) return posts[i];
  }
  return undefined;
}

function buildPages(pages: readonly Page[], config: SiteConfig): { pages: PageNode[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const nodes: PageNode[] = [];
  for (const page of pages) {
    const problem = checkSlug(page.slug);
    if (problem) {
      diagnostics.push(error(codes.badSlug, `unsafe slug "${page.slug}": ${problem}`, { ...keyPlace(page, 'slug'), hint: 'use letters, digits and dashes, e.g. "about-us"' }));
      continue;
    }
    nodes.push({ ...page, ...languageOf(page, config.language), url: expandPermalink(config.permalinks.page, { slug: page.slug, timeZone: config.timeZone }) });
  }
  nodes.sort((a, b) => compareCodeUnits(a.url, b.url) || compareCodeUnits(a.sourcePath, b.sourcePath));
  return { pages: nodes, diagnostics };
}
