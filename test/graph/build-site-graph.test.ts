import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { codes } from '../../src/diagnostics/codes.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import { makeAuthor, makeInput, makePage, makePost, postPositions } from './factories.js';

const slugs = (posts: { slug: string }[] | undefined) => (posts ?? []).map((p) => p.slug);

describe('buildSiteGraph', () => {
  it('sorts posts newest first with slug as tie-break and links neighbours', () => {
    const { graph } = buildSiteGraph(
      makeInput({
        posts: [
          makePost({ slug: 'b', date: '2024-03-01' }),
          makePost({ slug: 'old', date: '2024-01-01' }),
          makePost({ slug: 'a', date: '2024-03-01' }),
        ],
      }),
      makeConfig(),
    );
    expect(slugs(graph.posts)).toEqual(['a', 'b', 'old']);
    const [a, b, old] = graph.posts;
    expect([a.next, a.prev]).toEqual([undefined, b]);
    expect([b.next, b.prev]).toEqual([a, old]);
    expect([old.next, old.prev]).toEqual([b, undefined]);
    expect(a.url).toBe('/2024/03/a/');
  });

  it('skips a story\'s own translations when it links the previous and next article', () => {
    const { graph } = buildSiteGraph(
      makeInput({
        posts: [
          makePost({ slug: 'newer', date: '2024-03-03' }),
          makePost({ slug: 'story', date: '2024-03-02', translationKey: 'story' }),
          makePost({ slug: 'story-ar', date: '2024-03-02', lang: 'ar', translationKey: 'story' }),
          makePost({ slug: 'older', date: '2024-03-01' }),
        ],
      }),
      makeConfig(),
    );
    const bySlug = new Map(graph.posts.map((p) => [p.slug, p]));
    for (const slug of ['story', 'story-ar']) expect([bySlug.get(slug)!.next?.slug, bySlug.get(slug)!.prev?.slug]).toEqual(['newer', 'older']);
    expect([bySlug.get('newer')!.prev?.slug, bySlug.get('older')!.next?.slug]).toEqual(['story', 'story-ar']);
  });

  it('leaves drafts and future posts out of everything, counting them', () => {
    const input = makeInput({
      now: new Date('2024-06-01T00:00:00Z'),
      authors: [makeAuthor({ id: 'maria' })],
      posts: [
        makePost({ slug: 'live', date: '2024-05-01', tags: ['Asylum'], categories: ['Greece'], authorIds: ['maria'], featured: true }),
        makePost({ slug: 'draft', date: '2024-05-02', draft: true, tags: ['Asylum', 'Secret'], categories: ['Hidden'], authorIds: ['maria'], featured: true }),
        makePost({ slug: 'future', date: '2024-06-01T00:00:01Z', tags: ['Asylum', 'Later'], categories: ['Greece'], authorIds: ['maria'], featured: true }),
      ],
    });
    const config = makeConfig({ lists: { featured: { filter: { featured: true } } } });
    const { graph, diagnostics } = buildSiteGraph(input, config);
    expect(diagnostics).toEqual([]);
    expect(graph.skipped).toEqual({ drafts: 1, future: 1 });
    expect(slugs(graph.posts)).toEqual(['live']);
    expect(graph.tags.map((t) => [t.name, slugs(t.posts)])).toEqual([['Asylum', ['live']]]);
    expect(graph.categories.map((t) => [t.name, slugs(t.posts)])).toEqual([['Greece', ['live']]]);
    expect(slugs(graph.lists.featured)).toEqual(['live']);
    expect(slugs(graph.posts[0].related)).toEqual([]);
    expect(slugs(graph.authors[0].posts)).toEqual(['live']);

    const everything = buildSiteGraph({ ...input, includeDrafts: true, includeFuture: true }, config).graph;
    expect(slugs(everything.posts)).toEqual(['future', 'draft', 'live']);
    expect(everything.skipped).toEqual({ drafts: 0, future: 0 });
    expect(slugs(everything.posts[2].related)).toEqual(['future', 'draft']);
  });

  it('refuses unsafe slugs at the slug key and leaves those posts out', () => {
    const { graph, diagnostics } = buildSiteGraph(
      makeInput({ posts: [makePost({ slug: '../../x' }), makePost({ slug: 'con' }), makePost({ slug: 'fine' })], pages: [makePage({ slug: 'a/b' })] }),
      makeConfig(),
    );
    expect(slugs(graph.posts)).toEqual(['fine']);
    expect(graph.pages).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      [codes.badSlug, 'content/posts/../../x.md', postPositions.slug.line, 1],
      [codes.badSlug, 'content/posts/con.md', postPositions.slug.line, 1],
      [codes.badSlug, 'content/pages/a/b.md', 3, 1],
    ]);
  });

  it('resolves authors by id; with requireAuthorFiles, reports unknown ones at the authors key with the known ids', () => {
    const { graph, diagnostics } = buildSiteGraph(
      makeInput({
        authors: [makeAuthor({ id: 'maria', name: 'María' }), makeAuthor({ id: 'Ahmed Ali', name: 'Ahmed' }), makeAuthor({ id: 'idle', name: 'Zoe' })],
        posts: [
          makePost({ slug: 'one', date: '2024-02-01', authorIds: ['MARIA', 'ahmed ali'] }),
          makePost({ slug: 'two', date: '2024-01-01', authorIds: ['maria', 'nobody'] }),
        ],
      }),
      makeConfig({ content: { requireAuthorFiles: true } }),
    );
    expect(graph.authors.map((a) => [a.id, a.slug, a.url, slugs(a.posts)])).toEqual([
      ['Ahmed Ali', 'ahmed-ali', '/author/ahmed-ali/', ['one']],
      ['maria', 'maria', '/author/maria/', ['one', 'two']],
      ['idle', 'idle', '/author/idle/', []],
    ]);
    expect(graph.posts[0].authors.map((a) => a.id)).toEqual(['maria', 'Ahmed Ali']);
    expect(diagnostics).toEqual([
      {
        code: codes.unknownAuthor,
        severity: 'error',
        message: 'unknown author "nobody"',
        file: 'content/posts/two.md',
        line: postPositions.authors.line,
        column: 1,
        hint: 'use a known author id: "Ahmed Ali", "idle", "maria"',
      },
    ]);
  });

  it('gives pages their URLs, sorted', () => {
    const { graph } = buildSiteGraph(makeInput({ pages: [makePage({ slug: 'contact' }), makePage({ slug: 'about' })] }), makeConfig());
    expect(graph.pages.map((p) => p.url)).toEqual(['/about/', '/contact/']);
  });

  it('is deterministic whatever the input order', () => {
    const posts = Array.from({ length: 30 }, (_, i) =>
      makePost({ slug: `p${i}`, date: `2024-0${(i % 3) + 1}-01`, tags: [`t${i % 4}`, `u${i % 5}`], categories: [`c${i % 2}`] }),
    );
    const summary = (list: typeof posts) => {
      const { graph } = buildSiteGraph(makeInput({ posts: list }), makeConfig());
      return graph.posts.map((p) => [p.url, slugs(p.related), p.tagTerms.map((t) => t.name)]);
    };
    expect(summary([...posts].reverse())).toEqual(summary(posts));
  });
});
