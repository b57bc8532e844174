import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import type { Post, SiteGraph } from '../../src/graph/types.js';
import { makeInput, makePosts } from './factories.js';

// serve --watch passes the previous graph so that a change of tags or
// categories scores related posts again only for posts sharing the terms it
// touched. Whatever the edits, the lists must be those of a full rescore.

const tags = ['asylum', 'border', 'camps', 'courts', 'detention', 'labour', 'rescue', 'returns', 'visas', 'work', 'schools', 'health'];
const categories = ['Greece', 'Italy', 'Spain', 'Malta'];
const authors = ['ana', 'ben', 'chloe'];

const postShape = fc.record({
  tags: fc.subarray(tags, { maxLength: 5 }),
  categories: fc.subarray(categories, { maxLength: 2 }),
  authorIds: fc.subarray(authors, { maxLength: 1 }),
});
const edit = fc.record({ post: fc.nat(), tags: fc.subarray(tags, { maxLength: 5 }), categories: fc.option(fc.subarray(categories, { maxLength: 2 }), { nil: undefined }) });

const relatedLists = (graph: SiteGraph) => Object.fromEntries(graph.posts.map((p) => [p.slug, p.related.map((r) => r.slug)]));

describe('related posts after an edit of terms', () => {
  it.each([
    ['default weights', {}],
    ['every shared term counts (threshold 0, longer lists)', { threshold: 0, limit: 8 }],
    ['tags only, a common tag cut', { weights: { tags: 1, categories: 0, authors: 0, date: 0 }, maxShare: 0.3 }],
  ])('equal a full rescore after random tag and category edits (%s)', (_name, related) => {
    const config = makeConfig({ related });
    fc.assert(
      fc.property(fc.array(postShape, { minLength: 22, maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (shapes, edits) => {
        let posts: Post[] = makePosts(shapes.length, (i) => shapes[i]);
        let previous: SiteGraph = buildSiteGraph(makeInput({ posts }), config).graph;
        for (const e of edits) {
          const at = e.post % posts.length;
          posts = posts.map((p, i) => (i === at ? { ...p, tags: e.tags, categories: e.categories ?? p.categories } : p));
          const incremental = buildSiteGraph(makeInput({ posts }), config, previous).graph;
          const full = buildSiteGraph(makeInput({ posts }), config).graph;
          expect(relatedLists(incremental)).toEqual(relatedLists(full));
          previous = incremental;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('scores everything again when posts were added (tag weights depend on the number of posts)', () => {
    const config = makeConfig({});
    const posts = makePosts(24, (i) => ({ tags: [tags[i % 4], tags[(i * 7) % tags.length]] }));
    const previous = buildSiteGraph(makeInput({ posts: posts.slice(1) }), config).graph;
    const incremental = buildSiteGraph(makeInput({ posts }), config, previous).graph;
    expect(relatedLists(incremental)).toEqual(relatedLists(buildSiteGraph(makeInput({ posts }), config).graph));
  });
});
