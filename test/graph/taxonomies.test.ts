import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { codes } from '../../src/diagnostics/codes.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import type { Post } from '../../src/graph/types.js';
import { makeInput, makePost } from './factories.js';

const build = (posts: Post[], overrides = {}) => buildSiteGraph(makeInput({ posts }), makeConfig(overrides));

describe('tags', () => {
  it('merges case, accent and spacing variants under the most common spelling, with one warning', () => {
    const { graph, diagnostics } = build([
      makePost({ slug: 'a', date: '2024-01-01', tags: ['asylum'] }),
      makePost({ slug: 'b', date: '2024-02-01', tags: ['Asylum'] }),
      makePost({ slug: 'c', date: '2024-03-01', tags: ['Asylum '] }),
      makePost({ slug: 'd', date: '2024-04-01', tags: ['ASYLUM'] }),
    ]);
    expect(graph.tags.map((t) => [t.name, t.slug, t.url, t.posts.map((p) => p.slug)])).toEqual([
      ['Asylum', 'asylum', '/tag/asylum/', ['d', 'c', 'b', 'a']],
    ]);
    const variants = diagnostics.filter((d) => d.code === codes.termVariants);
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ severity: 'warning', file: 'content/posts/a.md', line: 4, column: 1 });
    expect(variants[0].message).toBe(
      'tag "Asylum" is spelled 3 ways: "asylum" (content/posts/a.md:4:1), "Asylum" (content/posts/b.md:4:1, content/posts/c.md:4:1), "ASYLUM" (content/posts/d.md:4:1)',
    );
  });

  it('breaks a tie between spellings in favour of the oldest post', () => {
    const { graph } = build([
      makePost({ slug: 'new', date: '2024-05-01', tags: ['Türkiye'] }),
      makePost({ slug: 'old', date: '2024-01-01', tags: ['Turkiye'] }),
    ]);
    expect(graph.tags.map((t) => [t.name, t.slug, t.posts.length])).toEqual([['Turkiye', 'turkiye', 2]]);
  });

  it('reports two different tags that share a slug, naming both spellings and files', () => {
    const { graph, diagnostics } = build([
      makePost({ slug: 'a', date: '2024-01-01', tags: ['C++'] }),
      makePost({ slug: 'b', date: '2024-02-01', tags: ['C'] }),
    ]);
    const collision = diagnostics.filter((d) => d.code === codes.termSlugCollision);
    expect(collision).toHaveLength(1);
    expect(collision[0]).toMatchObject({ severity: 'error', file: 'content/posts/b.md', line: 4, column: 1 });
    expect(collision[0].message).toBe('tags "C++" (content/posts/a.md:4:1) and "C" (content/posts/b.md:4:1) both get the slug "c"');
    expect(graph.tags.map((t) => [t.slug, t.posts.length])).toEqual([['c', 2]]);
  });

  it('sorts tags by post count, then by name', () => {
    const { graph } = build([
      makePost({ slug: 'a', tags: ['Zeta', 'beta'] }),
      makePost({ slug: 'b', tags: ['Zeta', 'Alpha'] }),
    ]);
    expect(graph.tags.map((t) => t.name)).toEqual(['Zeta', 'Alpha', 'beta']);
  });

  it('takes descriptions from the config by identity', () => {
    const { graph } = build([makePost({ tags: ['Asylum'] })], { taxonomies: { tags: { descriptions: { ASYLUM: 'Seeking protection' } } } });
    expect(graph.tags[0].description).toBe('Seeking protection');
  });

  it('refuses tags that are too long or have nothing to make a URL from, at the tags key', () => {
    const { graph, diagnostics } = build([makePost({ slug: 'a', tags: ['x'.repeat(101), '..', 'ok'] })]);
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      [codes.badTerm, 'content/posts/a.md', 4, 1],
      [codes.badTerm, 'content/posts/a.md', 4, 1],
    ]);
    expect(graph.tags.map((t) => t.name)).toEqual(['ok']);
  });
});

describe('categories', () => {
  const hierarchy = {
    taxonomies: {
      categories: {
        terms: {
          Greece: { parent: 'Europe', description: 'Hellenic Republic' },
          Lesbos: { parent: 'greece' },
          Italy: { parent: 'Europe' },
          Africa: {},
        },
      },
    },
  };

  it('builds the tree from the config; parents exist once a descendant has posts', () => {
    const { graph } = build(
      [
        makePost({ slug: 'a', date: '2024-01-01', categories: ['Lesbos'] }),
        makePost({ slug: 'b', date: '2024-02-01', categories: ['greece', 'Lesbos'] }),
        makePost({ slug: 'c', date: '2024-03-01', categories: ['Italy'] }),
      ],
      hierarchy,
    );
    expect(graph.categories.map((c) => c.name)).toEqual(['Europe', 'Greece', 'Italy', 'Lesbos']);
    const [europe, greece, italy, lesbos] = graph.categories;
    expect(europe.posts.map((p) => p.slug)).toEqual(['c', 'b', 'a']);
    expect(greece.posts.map((p) => p.slug)).toEqual(['b', 'a']);
    expect(lesbos.posts.map((p) => p.slug)).toEqual(['b', 'a']);
    expect(europe.children.map((c) => c.name)).toEqual(['Greece', 'Italy']);
    expect(greece.children).toEqual([lesbos]);
    expect([europe.parent, greece.parent, italy.parent, lesbos.parent]).toEqual([undefined, europe, europe, greece]);
    expect(greece.description).toBe('Hellenic Republic');
    expect(greece.url).toBe('/category/greece/');
  });

  it('gives posts their primary category and a breadcrumb through its ancestors', () => {
    const { graph } = build([makePost({ categories: ['Lesbos', 'Italy'] })], hierarchy);
    const [post] = graph.posts;
    expect(post.primaryCategory?.name).toBe('Lesbos');
    expect(post.categoryTerms.map((c) => c.name)).toEqual(['Lesbos', 'Italy']);
    expect(post.breadcrumb).toEqual([
      { name: 'Home', url: '/' },
      { name: 'Europe', url: '/category/europe/' },
      { name: 'Greece', url: '/category/greece/' },
      { name: 'Lesbos', url: '/category/lesbos/' },
    ]);
  });

  it('uses the configured spelling as the name', () => {
    const { graph, diagnostics } = build([makePost({ categories: ['GREECE'] })], hierarchy);
    expect(graph.categories.map((c) => c.name)).toEqual(['Europe', 'Greece']);
    expect(diagnostics).toEqual([]);
  });

  it('accepts unknown categories unless strict', () => {
    const posts = [makePost({ slug: 'a', categories: ['Atlantis'] })];
    expect(build(posts, hierarchy).diagnostics).toEqual([]);
    const strict = { taxonomies: { categories: { strict: true, terms: { Europe: {}, Greece: { parent: 'Europe' } } } } };
    const { diagnostics } = build([...posts, makePost({ slug: 'b', categories: ['greece', 'Europe'] })], strict);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: codes.unknownCategory, severity: 'error', file: 'content/posts/a.md', line: 5, column: 1 });
    expect(diagnostics[0].message).toMatch(/"Atlantis"/);
  });

  it('points at a singular "category" key when that is what the post used', () => {
    const strict = { taxonomies: { categories: { strict: true, terms: { Greece: {} } } } };
    const post = makePost({ categories: ['Mars'], positions: { category: { line: 9, column: 3 } } });
    expect(build([post], strict).diagnostics[0]).toMatchObject({ code: codes.unknownCategory, line: 9, column: 3 });
  });

  it('does not create a post category for an uncategorised post', () => {
    const { graph } = build([makePost({})], { permalinks: { post: '/{category}/{slug}/' } });
    expect(graph.posts[0].url).toBe('/uncategorized/post/');
    expect(graph.posts[0].breadcrumb).toEqual([{ name: 'Home', url: '/' }]);
    expect(graph.categories).toEqual([]);
  });

  it('cuts a parent cycle that only identity reveals, with an error', () => {
    const terms = { Greece: { parent: 'europe' }, Europe: { parent: 'greece' } };
    const { graph, diagnostics } = build([makePost({ categories: ['Greece'] })], { taxonomies: { categories: { terms } } });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([[codes.categoryCycle, 'categories form a cycle: Greece → Europe → Greece']]);
    expect(graph.posts[0].breadcrumb.map((c) => c.name)).toEqual(['Home', 'Europe', 'Greece']);
  });
});

