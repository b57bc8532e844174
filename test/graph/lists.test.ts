import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { codes } from '../../src/diagnostics/codes.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import type { GraphInput, PopularityData } from '../../src/graph/types.js';
import { makeAuthor, makeInput, makePost } from './factories.js';

const slugs = (posts: { slug: string }[]) => posts.map((p) => p.slug);
const build = (input: Partial<GraphInput>, config: object) => buildSiteGraph(makeInput(input), makeConfig(config));

describe('lists: filters and sorting', () => {
  const posts = [
    makePost({ slug: 'lesbos', date: '2024-05-01', categories: ['Lesbos'], tags: ['Asylum'], featured: true, authorIds: ['maria'] }),
    makePost({ slug: 'greece', date: '2024-04-01', categories: ['Greece'], featured: true, updated: '2024-12-01' }),
    makePost({ slug: 'italy', date: '2024-03-01', categories: ['Italy'], tags: ['Asylum'], authorIds: ['maria'] }),
    makePost({ slug: 'plain', date: '2024-02-01', featured: true }),
  ];
  const taxonomies = { categories: { terms: { Greece: {}, Lesbos: { parent: 'Greece' }, Italy: {} } } };
  const authors = [makeAuthor({ id: 'maria' })];

  it('filters by featured, category with descendants, tag and author, all by identity', () => {
    const { graph, diagnostics } = build(
      { posts, authors },
      {
        taxonomies,
        lists: {
          featured: { filter: { featured: true } },
          greece: { filter: { category: 'GREECE' } },
          asylum: { filter: { tag: 'asylum' } },
          maria: { filter: { author: 'Maria' } },
          featuredInGreece: { filter: { featured: true, category: 'Greece' }, limit: 1 },
          nowhere: { filter: { category: 'Atlantis' } },
        },
      },
    );
    expect(diagnostics).toEqual([]);
    expect(graph.lists).toEqual({
      featured: expect.anything(),
      greece: expect.anything(),
      asylum: expect.anything(),
      maria: expect.anything(),
      featuredInGreece: expect.anything(),
      nowhere: [],
    });
    expect(slugs(graph.lists.featured)).toEqual(['lesbos', 'greece', 'plain']);
    expect(slugs(graph.lists.greece)).toEqual(['lesbos', 'greece']);
    expect(slugs(graph.lists.asylum)).toEqual(['lesbos', 'italy']);
    expect(slugs(graph.lists.maria)).toEqual(['lesbos', 'italy']);
    expect(slugs(graph.lists.featuredInGreece)).toEqual(['lesbos']);
  });

  it('sorts by last update, falling back to the publication date', () => {
    const { graph } = build({ posts }, { lists: { updated: { sort: 'updated', limit: 10 } } });
    expect(slugs(graph.lists.updated)).toEqual(['greece', 'lesbos', 'italy', 'plain']);
  });
});

describe('lists: popularity', () => {
  const posts = [
    makePost({ slug: 'a', date: '2024-12-20' }),
    makePost({ slug: 'b', date: '2024-12-19' }),
    makePost({ slug: 'c', date: '2024-12-18' }),
    makePost({ slug: 'no-data', date: '2024-12-21' }),
    makePost({ slug: 'old-no-data', date: '2024-01-01' }),
    makePost({ slug: 'draft', date: '2024-01-01', draft: true }),
  ];
  const popularity: PopularityData = {
    file: 'data/popularity.json',
    entries: [
      { key: '/2024/12/a/', views: 1010, daily: { '2024-12-31': 10, '2024-12-01': 1000 } },
      { key: 'https://example.org/2024/12/b', views: 50, daily: { '2024-12-30': 50 } },
      { key: 'c', views: 30 },
      { key: '/2023/01/gone/', views: 5, position: { line: 7, column: 5 } },
      { key: 'draft', views: 3 },
      { key: 'also-gone', views: 1 },
    ],
  };
  const lists = { trending: { source: 'popularity', window: '7d', limit: 10 }, allTime: { sort: 'popularity', limit: 10 } };

  it('ranks by views, within a window when asked; posts without data follow, newest first', () => {
    const { graph } = build({ posts, popularity }, { lists });
    expect(slugs(graph.lists.trending)).toEqual(['b', 'c', 'a', 'no-data', 'old-no-data']);
    expect(slugs(graph.lists.allTime)).toEqual(['a', 'b', 'c', 'no-data', 'old-no-data']);
  });

  it('counts the window in calendar days of the site time zone, today included', () => {
    const now = new Date('2024-12-31T20:00:00Z'); // already 2025-01-01 in Kiritimati
    const daily: PopularityData = {
      file: 'data/popularity.json',
      entries: [
        { key: 'a', views: 5, daily: { '2024-12-31': 5 } },
        { key: 'b', views: 7, daily: { '2025-01-01': 7 } },
      ],
    };
    const input = { posts, popularity: daily, now };
    const day = { trending: { source: 'popularity', window: '1d', limit: 2 } };
    expect(slugs(build(input, { lists: day }).graph.lists.trending)).toEqual(['a', 'b']);
    expect(slugs(build(input, { lists: day, timeZone: 'Pacific/Kiritimati' }).graph.lists.trending)).toEqual(['b', 'a']);
  });

  it('reports analytics keys that match no published post in one warning', () => {
    const { diagnostics } = build({ posts, popularity }, { lists });
    expect(diagnostics).toEqual([
      {
        code: codes.popularityData,
        severity: 'warning',
        message: '2 popularity entries match no published post: "/2023/01/gone/", "also-gone"',
        file: 'data/popularity.json',
        line: 7,
        column: 5,
        hint: expect.any(String),
      },
    ]);
  });

  it('without popularity data, falls back to newest first with one warning', () => {
    const { graph, diagnostics } = build({ posts }, { lists: { ...lists, latest: { limit: 2 } } });
    expect(slugs(graph.lists.trending)).toEqual(['no-data', 'a', 'b', 'c', 'old-no-data']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: codes.popularityFallback, severity: 'warning' });
    expect(diagnostics[0].message).toBe('no popularity data: lists "trending", "allTime" show the newest posts instead');
  });

  it('does not warn about missing popularity data when no list needs it', () => {
    expect(build({ posts }, { lists: { latest: {} } }).diagnostics).toEqual([]);
  });
});
