import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import { createListPicker, pickPageLists, relatedShown, storiesShown, withPictureLead, type RankedList } from '../../src/graph/page-lists.js';
import type { PostNode } from '../../src/graph/types.js';
import { planRoutes } from '../../src/routes/plan-routes.js';
import { makeInput, makePosts } from './factories.js';

const slugs = (posts: readonly { slug: string }[]) => posts.map((p) => p.slug);
const node = (slug: string, extra: Partial<PostNode> = {}) => ({ slug, related: [], translations: [], ...extra }) as unknown as PostNode;

describe('pickPageLists', () => {
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((s) => node(s));
  const lists: RankedList[] = [
    { name: 'trending', ranked: [a, b, c, d], limit: 2 },
    { name: 'topPosts', ranked: [b, a, d, e], limit: 2 },
    { name: 'dontMiss', ranked: [a, b], limit: 3 },
  ];

  it('leaves out the page\'s own stories and takes the next candidates instead', () => {
    expect(Object.values(pickPageLists(lists, [a])).map(slugs)).toEqual([['b', 'c'], ['d', 'e'], []]);
  });

  it('shows a story in one list only: lists claim stories in config order', () => {
    expect(Object.values(pickPageLists(lists, [])).map(slugs)).toEqual([['a', 'b'], ['d', 'e'], []]);
  });

  it('gives the same result for the same input', () => {
    expect(pickPageLists(lists, [c])).toEqual(pickPageLists(lists, [c]));
  });
});

describe('createListPicker', () => {
  const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((s) => node(s));
  const ranked = fc.subarray(pool).chain((posts) => fc.shuffledSubarray(posts, { minLength: posts.length }));
  const listsOf = fc.array(fc.record({ ranked, limit: fc.nat(4) }), { maxLength: 4 }).map((ls) => ls.map((l, i): RankedList => ({ name: `list${i}`, ...l })));

  it('picks what pickPageLists picks for every page', () => {
    fc.assert(
      fc.property(listsOf, fc.subarray(pool), (lists, shown) => {
        expect(createListPicker(lists)(shown)).toEqual(pickPageLists(lists, shown));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the pages that show none of the picked stories one shared object', () => {
    const [a, b, c, d, e] = pool;
    const pick = createListPicker([{ name: 'trending', ranked: [a, b, c], limit: 2 }, { name: 'dontMiss', ranked: [b, d], limit: 1 }]);
    expect(pick([e])).toBe(pick([]));
    expect(pick([c, e])).toBe(pick([]));
    expect(Object.values(pick([a])).map(slugs)).toEqual([['b', 'c'], ['d']]);
  });
});

describe('storiesShown', () => {
  it('is an article with its related articles and neighbours, or a list page\'s cards', () => {
    const [older, newer, related] = [node('older'), node('newer'), node('related')];
    const post = node('post', { related: [related], prev: older, next: newer });
    expect(slugs(storiesShown({ post }))).toEqual(['post', 'older', 'newer', 'related']);
    expect(slugs(storiesShown({ pagination: { items: [older, newer] } }))).toEqual(['older', 'newer']);
    expect(slugs(storiesShown({ latest: [newer] }))).toEqual(['newer']);
    expect(storiesShown({})).toEqual([]);
  });

  it('counts an article\'s translations as shown: its language switcher links them', () => {
    const translation = node('post-ar');
    expect(slugs(storiesShown({ post: node('post', { translations: [translation] }) }))).toEqual(['post', 'post-ar']);
  });
});

describe('relatedShown', () => {
  it('leaves out the previous and next article, which have their own links', () => {
    const [older, newer, other] = [node('older'), node('newer'), node('other')];
    expect(slugs(relatedShown(node('post', { related: [newer, other, older], prev: older, next: newer })))).toEqual(['other']);
  });

  it('leaves out the article\'s translations, which the language switcher links', () => {
    const [translation, other] = [node('post-ar'), node('other')];
    expect(slugs(relatedShown(node('post', { related: [translation, other], translations: [translation] })))).toEqual(['other']);
  });
});

describe('withPictureLead', () => {
  it('moves the newest story with a picture to the front, the rest in order', () => {
    const items: Array<{ id: number; image?: object }> = [{ id: 1 }, { id: 2 }, { id: 3, image: {} }, { id: 4, image: {} }];
    expect(withPictureLead(items).map((i) => i.id)).toEqual([3, 1, 2, 4]);
    expect(withPictureLead(items.slice(0, 2)).map((i) => i.id)).toEqual([1, 2]);
  });
});

describe('lists on the pages of a site', () => {
  const posts = makePosts(8, (i) => ({ featured: i % 2 === 0, image: i === 2 ? { src: '/p.jpg', alt: 'p' } : undefined }));
  const config = makeConfig({
    postsPerPage: 3,
    related: { limit: 0 },
    lists: { trending: { limit: 3 }, featured: { filter: { featured: true }, limit: 2 } },
  });
  const { graph } = buildSiteGraph(makeInput({ posts }), config);
  const routes = planRoutes(graph, config, []).pages;
  const page = (url: string) => routes.find((r) => r.url === url)!;

  it('an article is not in its own widgets, nor are its neighbours', () => {
    const lists = page(graph.posts[3].url).context.lists!;
    expect(slugs(lists.trending)).toEqual(['post-0', 'post-1', 'post-5']);
    expect(slugs(lists.featured)).toEqual(['post-6']);
  });

  it('the front page leads with its newest story with a picture and its widgets skip every story it shows', () => {
    const home = page('/').context;
    expect(slugs(home.pagination!.items)).toEqual(['post-2', 'post-0', 'post-1']);
    expect(slugs(home.lists!.trending)).toEqual(['post-3', 'post-4', 'post-5']);
    expect(slugs(home.lists!.featured)).toEqual(['post-6']);
  });

  it('keeps the site-wide lists whole', () => {
    expect(slugs(graph.lists.trending)).toEqual(['post-0', 'post-1', 'post-2']);
  });
});
