import type { ListSpec, SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { viewsOf, type Popularity } from './popularity.js';
import type { RankedList } from './page-lists.js';
import { termKey } from './term-key.js';
import type { AuthorNode, PostNode, Term } from './types.js';

export interface ListContext {
  /** Terms and authors by identity key (see termKey). */
  tagsByKey: ReadonlyMap<string, Term>;
  categoriesByKey: ReadonlyMap<string, Term>;
  authorsByKey: ReadonlyMap<string, AuthorNode>;
  /** Undefined when the site has no popularity file. */
  popularity?: Popularity;
  now: Date;
  timeZone: string;
}

/**
 * The curated lists of `config.lists` over the published posts (graph order):
 * `lists` as the site shows them anywhere, `ranked` with every candidate, in
 * config order, for pages that leave some out (pickPageLists).
 * Popularity lists without popularity data fall back to newest first, with one warning.
 */
export function buildLists(
  posts: readonly PostNode[],
  specs: SiteConfig['lists'],
  context: ListContext,
): { lists: Record<string, PostNode[]>; ranked: RankedList[]; diagnostics: Diagnostic[] } {
  const order = new Map(posts.map((p, i) => [p, i]));
  const lists: Record<string, PostNode[]> = {};
  const ranked: RankedList[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const chosen = sortList(posts.filter(listFilter(spec.filter, context)), spec, context, order);
    lists[name] = chosen.slice(0, spec.limit);
    ranked.push({ name, ranked: chosen, limit: spec.limit });
  }
  const needPopularity = Object.keys(specs).filter((name) => sortKey(specs[name]) === 'popularity');
  const diagnostics: Diagnostic[] = [];
  if (!context.popularity && needPopularity.length > 0) {
    const names = needPopularity.map((n) => `"${n}"`).join(', ');
    diagnostics.push(
      warning(codes.popularityFallback, `no popularity data: ${needPopularity.length === 1 ? 'list' : 'lists'} ${names} show the newest posts instead`, {
        hint: 'provide the analytics export with views per article, or sort these lists by "date"',
      }),
    );
  }
  return { lists, ranked, diagnostics };
}

function sortKey(spec: ListSpec): 'date' | 'updated' | 'popularity' {
  return spec.sort ?? (spec.source === 'popularity' ? 'popularity' : 'date');
}

/** All filters must match. A named term or author that does not exist matches nothing. */
function listFilter(filter: ListSpec['filter'], context: ListContext): (post: PostNode) => boolean {
  const members: Array<ReadonlySet<PostNode>> = [];
  const lookups: Array<[string | undefined, ReadonlyMap<string, { posts: PostNode[] }>]> = [
    [filter.category, context.categoriesByKey],
    [filter.tag, context.tagsByKey],
    [filter.author, context.authorsByKey],
  ];
  for (const [name, byKey] of lookups) {
    if (name !== undefined) members.push(new Set(byKey.get(termKey(name))?.posts ?? []));
  }
  return (post) => (filter.featured === undefined || post.featured === filter.featured) && members.every((set) => set.has(post));
}

function sortList(posts: PostNode[], spec: ListSpec, context: ListContext, order: ReadonlyMap<PostNode, number>): PostNode[] {
  const byOrder = (a: PostNode, b: PostNode) => order.get(a)! - order.get(b)!;
  switch (sortKey(spec)) {
    case 'date':
      return posts;
    case 'updated': {
      const time = (p: PostNode) => (p.updated ?? p.date).getTime();
      return [...posts].sort((a, b) => time(b) - time(a) || byOrder(a, b));
    }
    case 'popularity':
      return byPopularity(posts, spec, context, byOrder);
  }
}

// Posts with popularity data come first, most viewed first; the rest follow newest first.
function byPopularity(posts: PostNode[], spec: ListSpec, context: ListContext, byOrder: (a: PostNode, b: PostNode) => number): PostNode[] {
  const { popularity } = context;
  if (!popularity) return posts;
  const windowDays = spec.window === undefined ? undefined : Number.parseInt(spec.window, 10);
  const views = new Map<PostNode, number>();
  for (const post of posts) {
    const count = viewsOf(popularity.entriesOf.get(post), windowDays, context.now, context.timeZone);
    if (count !== undefined) views.set(post, count);
  }
  const rank = (p: PostNode) => views.get(p) ?? -1;
  return [...posts].sort((a, b) => rank(b) - rank(a) || byOrder(a, b));
}
