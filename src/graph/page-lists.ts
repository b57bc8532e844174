import type { PostNode } from './types.js';

/** A curated list before it meets a page: every post its filter admits, best first, and how many it shows. */
export interface RankedList {
  name: string;
  ranked: readonly PostNode[];
  limit: number;
}

/**
 * The curated lists as one page shows them. The page's own stories (its
 * article, the cards it lists) are left out, and a story one list shows is not
 * shown again by a later one: each list takes its next candidates instead.
 * Lists claim stories in config order, so the same site gives the same page.
 */
export function pickPageLists(lists: readonly RankedList[], shown: Iterable<PostNode>): Record<string, PostNode[]> {
  const taken = new Set(shown);
  const picked: Record<string, PostNode[]> = {};
  for (const { name, ranked, limit } of lists) {
    const posts: PostNode[] = [];
    for (const post of ranked) {
      if (posts.length === limit) break;
      if (taken.has(post)) continue;
      taken.add(post);
      posts.push(post);
    }
    picked[name] = posts;
  }
  return picked;
}

/**
 * pickPageLists for every page of a site. The lists of a page that shows
 * none of the stories they pick for a page that shows nothing are those very
 * lists: a story a list did not pick was past its limit or claimed by an
 * earlier list, and leaving it out changes neither. Most pages are such
 * pages, and they share one object, which page signatures read once.
 */
export function createListPicker(lists: readonly RankedList[]): (shown: readonly PostNode[]) => Record<string, PostNode[]> {
  const common = pickPageLists(lists, []);
  const picked = new Set(Object.values(common).flat());
  return (shown) => (shown.some((post) => picked.has(post)) ? pickPageLists(lists, shown) : common);
}

/** The stories a page shows in its main column: an article with its neighbours, related articles and translations, a list page's cards, or the not-found page's suggestions. */
export function storiesShown(context: { post?: PostNode; pagination?: { items: readonly PostNode[] }; latest?: readonly PostNode[] }): PostNode[] {
  const { post, pagination, latest } = context;
  if (post) return [post, ...neighbours(post), ...relatedShown(post), ...post.translations];
  return [...(pagination?.items ?? latest ?? [])];
}

/** An article's related articles as its page lists them: the previous and next article already have their own links below, its translations theirs in the language switcher. */
export function relatedShown(post: PostNode): PostNode[] {
  const links = [...neighbours(post), ...post.translations];
  return post.related.filter((related) => !links.includes(related));
}

function neighbours(post: PostNode): PostNode[] {
  return [...(post.prev ? [post.prev] : []), ...(post.next ? [post.next] : [])];
}

/** The front page's lead is its newest story with a picture, when one of its stories has one; the others keep their order. */
export function withPictureLead<T extends { image?: unknown }>(items: readonly T[]): T[] {
  const lead = items.findIndex((post) => post.image);
  return lead <= 0 ? [...items] : [items[lead], ...items.slice(0, lead), ...items.slice(lead + 1)];
}
