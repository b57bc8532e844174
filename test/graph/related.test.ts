import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import { explainRelated } from '../../src/graph/explain-related.js';
import { MIN_POSTS_FOR_CUT, type RelatedConfig, type RelatedIndexName } from '../../src/graph/related-index.js';
import type { Post, PostNode, SiteGraph } from '../../src/graph/types.js';
import { makeAuthor, makeInput, makePost, makePosts } from './factories.js';

const tagsOnly = { weights: { tags: 1, categories: 0, authors: 0, date: 0 }, threshold: 0 };

function build(posts: Post[], related: object = tagsOnly, rest: object = {}) {
  const config = makeConfig({ related, ...rest });
  return { graph: buildSiteGraph(makeInput({ posts }), config).graph, config };
}

const relatedOf = (graph: SiteGraph, slug: string) => graph.posts.find((p) => p.slug === slug)!.related.map((p) => p.slug);
const fillers = (n: number) => makePosts(n, (i) => ({ slug: `filler-${i}`, date: '2020-01-01', tags: [`solo-${i}`] }));

describe('findRelated', () => {
  it('weights shared tags by rarity: a rare shared tag beats a common one', () => {
    const posts = [
      makePost({ slug: 'p', date: '2024-06-01', tags: ['rare', 'common'] }),
      makePost({ slug: 'older-rare', date: '2024-01-01', tags: ['rare'] }),
      makePost({ slug: 'newer-common', date: '2024-05-01', tags: ['common'] }),
      ...makePosts(3, (i) => ({ slug: `c${i}`, date: '2023-01-01', tags: ['common'] })),
      ...fillers(2),
    ];
    const { graph } = build(posts);
    expect(relatedOf(graph, 'p').slice(0, 2)).toEqual(['older-rare', 'newer-common']);
  });

  it('ignores terms carried by more than maxShare of posts once there are 20 posts', () => {
    const posts = [
      makePost({ slug: 'p', tags: ['everywhere', 'own'] }),
      makePost({ slug: 'q', tags: ['everywhere'] }),
      ...makePosts(13, (i) => ({ slug: `e${i}`, date: '2023-01-01', tags: ['everywhere', `x${i}`] })),
      ...fillers(5),
    ];
    expect(posts).toHaveLength(20);
    expect(relatedOf(build(posts, { ...tagsOnly, maxShare: 1 }).graph, 'p')).toContain('q');
    const { graph, config } = build(posts, { ...tagsOnly, maxShare: 0.5 });
    expect(relatedOf(graph, 'p')).toEqual([]);
    const p = graph.posts.find((x) => x.slug === 'p')!;
    expect(explainRelated(p, graph.posts, config.related).ignored).toEqual(['tags: everywhere']);
  });

  it('keeps common terms on small sites, where shares are noise', () => {
    const posts = [
      makePost({ slug: 'p', tags: ['everywhere', 'own'] }),
      makePost({ slug: 'q', tags: ['everywhere'] }),
      ...makePosts(6, (i) => ({ slug: `e${i}`, date: '2023-01-01', tags: ['everywhere'] })),
      ...fillers(2),
    ];
    expect(relatedOf(build(posts, { ...tagsOnly, maxShare: 0.5 }).graph, 'p')).toContain('q');
  });

  it('drops candidates below the threshold, keeps those at it', () => {
    const posts = [
      makePost({ slug: 'p', tags: ['t1', 't2', 't3', 't4'] }),
      makePost({ slug: 'three', date: '2024-01-01', tags: ['t1', 't2', 't3'] }),
      makePost({ slug: 'one', date: '2024-02-01', tags: ['t4'] }),
    ];
    expect(relatedOf(build(posts, { ...tagsOnly, threshold: 0.5 }).graph, 'p')).toEqual(['three']);
    expect(relatedOf(build(posts, { ...tagsOnly, threshold: 0.25 }).graph, 'p')).toEqual(['three', 'one']);
  });

  it('with includeNewer off, keeps only older candidates', () => {
    const posts = [
      makePost({ slug: 'p', date: '2024-06-01', tags: ['t'] }),
      makePost({ slug: 'newer', date: '2024-07-01', tags: ['t'] }),
      makePost({ slug: 'older', date: '2024-05-01', tags: ['t'] }),
      ...fillers(1),
    ];
    expect(relatedOf(build(posts).graph, 'p')).toEqual(['newer', 'older']);
    expect(relatedOf(build(posts, { ...tagsOnly, includeNewer: false }).graph, 'p')).toEqual(['older']);
  });

  it('orders equal scores by date, newest first, then by slug', () => {
    const posts = [
      makePost({ slug: 'p', date: '2024-06-01', tags: ['t'] }),
      makePost({ slug: 'b-same-day', date: '2024-03-01', tags: ['t'] }),
      makePost({ slug: 'a-same-day', date: '2024-03-01', tags: ['t'] }),
      makePost({ slug: 'z-newest', date: '2024-04-01', tags: ['t'] }),
      ...fillers(1),
    ];
    expect(relatedOf(build(posts).graph, 'p')).toEqual(['z-newest', 'a-same-day', 'b-same-day']);
  });

  it('returns at most limit posts, the best ones', () => {
    const posts = [
      makePost({ slug: 'p', tags: ['a', 'b', 'c'] }),
      makePost({ slug: 'one', date: '2024-01-01', tags: ['a'] }),
      makePost({ slug: 'all', date: '2023-01-01', tags: ['a', 'b', 'c'] }),
      makePost({ slug: 'two', date: '2022-01-01', tags: ['a', 'b'] }),
    ];
    expect(relatedOf(build(posts, { ...tagsOnly, limit: 2 }).graph, 'p')).toEqual(['all', 'two']);
    expect(relatedOf(build(posts, { ...tagsOnly, limit: 0 }).graph, 'p')).toEqual([]);
  });

  it('counts a shared ancestor category at half weight and adds date proximity only with a shared term', () => {
    const posts = [
      makePost({ slug: 'p', date: '2024-06-01', categories: ['Greece'] }),
      makePost({ slug: 'greece', date: '2023-06-01', categories: ['Greece'] }),
      makePost({ slug: 'italy', date: '2023-06-01', categories: ['Italy'] }),
      makePost({ slug: 'unrelated-same-day', date: '2024-06-01', categories: ['Mars'] }),
    ];
    const terms = { Europe: {}, Greece: { parent: 'Europe' }, Italy: { parent: 'Europe' } };
    const related = { weights: { tags: 0, categories: 1, authors: 0, date: 0.5 }, threshold: 0 };
    const { graph, config } = build(posts, related, { taxonomies: { categories: { terms } } });
    expect(relatedOf(graph, 'p')).toEqual(['greece', 'italy']);
    const p = graph.posts.find((x) => x.slug === 'p')!;
    const explained = explainRelated(p, graph.posts, config.related);
    expect(explained.selfScore).toBe(2); // Greece 1 + Europe ½ + same day ½
    const [greece, italy] = explained.candidates;
    expect(greece.shared.categories).toEqual(['Greece', 'Europe (parent)']);
    expect(italy.shared.categories).toEqual(['Europe (parent)']);
    // A year or more apart: no date proximity.
    expect(greece.contributions).toEqual({ tags: 0, categories: 0.75, authors: 0, date: 0 });
    expect(italy.score).toBe(0.25);
    expect(explained.candidates.map((c) => c.post.slug)).toEqual(['greece', 'italy']);
  });

  it('prefers the candidate closer in date when date proximity has weight', () => {
    const posts = [
      makePost({ slug: 'p', date: '2024-06-01', tags: ['t'] }),
      makePost({ slug: 'month-later', date: '2024-07-01', tags: ['t'] }),
      makePost({ slug: 'day-before', date: '2024-05-31', tags: ['t'] }),
      ...fillers(1),
    ];
    expect(relatedOf(build(posts).graph, 'p')).toEqual(['month-later', 'day-before']);
    expect(relatedOf(build(posts, { ...tagsOnly, weights: { ...tagsOnly.weights, date: 1 } }).graph, 'p')).toEqual(['day-before', 'month-later']);
  });

  it('scores an identical post 1 and explains each index', () => {
    const posts = [
      makePost({ slug: 'p', tags: ['a', 'b'], authorIds: ['maria'] }),
      makePost({ slug: 'twin', tags: ['a', 'b'], authorIds: ['maria'] }),
      makePost({ slug: 'other', date: '2020-01-01', tags: ['c'] }),
    ];
    const config = makeConfig({ related: { threshold: 0.99 } });
    const input = makeInput({ posts, authors: [{ id: 'maria', sourcePath: 'content/authors/maria.md', name: 'Maria', social: {}, bioHtml: '' }] });
    const { graph } = buildSiteGraph(input, config);
    const p = graph.posts.find((x) => x.slug === 'p')!;
    expect(p.related.map((x) => x.slug)).toEqual(['twin']);
    const [twin] = explainRelated(p, graph.posts, config.related).candidates;
    expect(twin).toMatchObject({ score: 1, aboveThreshold: true, selected: true, newer: false });
    expect(twin.shared).toEqual({ tags: ['a', 'b'], categories: [], authors: ['maria'] });
    const { tags, categories, authors, date } = twin.contributions;
    expect(tags + categories + authors + date).toBeCloseTo(1, 12);
  });
});

// An independent, all-pairs version of the scoring rules, to check the indexed one against.
function bruteForceScores(posts: PostNode[], config: RelatedConfig): (i: number) => Map<number, number> {
  const featuresOf = (p: PostNode) => {
    const features = new Map<object, [RelatedIndexName, number]>();
    p.tagTerms.forEach((t) => features.set(t, ['tags', 1]));
    p.categoryTerms.forEach((c) => features.set(c, ['categories', 1]));
    for (const c of p.categoryTerms) for (let up = c.parent; up; up = up.parent) if (!features.has(up)) features.set(up, ['categories', 0.5]);
    p.authors.forEach((a) => features.set(a, ['authors', 1]));
    return features;
  };
  const all = posts.map(featuresOf);
  const df = new Map<object, number>();
  for (const features of all) for (const key of features.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = posts.length;
  const weight = (key: object, kind: RelatedIndexName) => {
    if (n >= MIN_POSTS_FOR_CUT && df.get(key)! / n > config.maxShare) return 0;
    return kind === 'tags' ? config.weights.tags * Math.log(n / df.get(key)!) : config.weights[kind];
  };
  return (i) => {
    const scores = new Map<number, number>();
    let self = 0;
    for (const [key, [kind, share]] of all[i]) self += weight(key, kind) * share;
    if (self === 0) return scores;
    self += config.weights.date;
    posts.forEach((q, j) => {
      if (j === i || (!config.includeNewer && q.date.getTime() >= posts[i].date.getTime())) return;
      let sum = 0;
      for (const [key, [kind, share]] of all[i]) {
        const theirs = all[j].get(key);
        if (theirs) sum += weight(key, kind) * Math.min(share, theirs[1]);
      }
      if (sum === 0) return;
      const days = Math.abs(posts[i].date.getTime() - q.date.getTime()) / 86_400_000;
      const score = Math.round(((sum + config.weights.date * Math.max(0, 1 - days / 365)) / self) * 1e9) / 1e9;
      if (score >= config.threshold) scores.set(j, score);
    });
    return scores;
  };
}

function bruteForceRelated(posts: PostNode[], config: RelatedConfig): Map<string, string[]> {
  const scoresOf = bruteForceScores(posts, config);
  return new Map(
    posts.map((p, i) => {
      const ranked = [...scoresOf(i)].sort(([a, x], [b, y]) => y - x || a - b);
      return [p.slug, ranked.slice(0, config.limit).map(([j]) => posts[j].slug)];
    }),
  );
}

describe('findRelated against an all-pairs reference', () => {
  function randomSite(seed: number, n: number, vocabulary: number) {
    let state = seed;
    const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = (k: number) => Math.floor(random() * k);
    return Array.from({ length: n }, (_, i) =>
      makePost({
        slug: `p${i}`,
        date: new Date(Date.UTC(2020, 0, 1) + pick(1500) * 86_400_000),
        tags: Array.from({ length: pick(6) }, () => `t${pick(vocabulary)}`),
        categories: pick(5) === 0 ? [] : [`c${pick(8)}`],
        authorIds: [`a${pick(6)}`],
      }),
    );
  }
  const terms = { c0: {}, c1: { parent: 'c0' }, c2: { parent: 'c0' }, c3: { parent: 'c1' }, c4: {}, c5: { parent: 'c4' } };
  const authors = Array.from({ length: 6 }, (_, i) => makeAuthor({ id: `a${i}` }));

  it.each([
    ['defaults', {}],
    ['no threshold, more results', { threshold: 0, limit: 8 }],
    ['older only, high threshold', { includeNewer: false, threshold: 0.3 }],
    ['a strong cardinality cut', { maxShare: 0.05, threshold: 0.05 }],
    ['categories and authors weigh most', { weights: { tags: 0.2, categories: 2, authors: 1, date: 0.5 }, threshold: 0.05 }],
  ])('gives the same lists with %s', (_, related) => {
    const config = makeConfig({ related, taxonomies: { categories: { terms } } });
    for (const [seed, vocabulary] of [[1, 12], [2, 60]]) {
      const { graph } = buildSiteGraph(makeInput({ posts: randomSite(seed, 400, vocabulary), authors }), config);
      const expected = bruteForceRelated(graph.posts, config.related);
      expect(new Map(graph.posts.map((p) => [p.slug, p.related.map((r) => r.slug)]))).toEqual(expected);
    }
  });

  it('on a site whose terms are on thousands of posts, still lists real scores in order', () => {
    const config = makeConfig({ related: { threshold: 0.05 }, taxonomies: { categories: { terms } } });
    const { graph } = buildSiteGraph(makeInput({ posts: randomSite(3, 6000, 6), authors }), config);
    const scoresOf = bruteForceScores(graph.posts, config.related);
    const order = new Map(graph.posts.map((p, i) => [p, i]));
    for (let i = 0; i < graph.posts.length; i += 300) {
      const scores = scoresOf(i);
      const listed = graph.posts[i].related.map((p) => ({ j: order.get(p)!, score: scores.get(order.get(p)!) }));
      expect(listed).toHaveLength(Math.min(config.related.limit, scores.size));
      for (const [x, { j, score }] of listed.entries()) {
        expect(score).toBeGreaterThanOrEqual(config.related.threshold);
        if (x > 0) expect(score! < listed[x - 1].score! || (score === listed[x - 1].score && j > listed[x - 1].j)).toBe(true);
      }
    }
  });
});

