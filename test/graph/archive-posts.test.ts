import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { codes } from '../../src/diagnostics/codes.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import { makeAuthor, makeInput, makePost } from './factories.js';

// What archives from other generators bring to the graph: free-text bylines,
// whole URLs from front matter, pictures named relative to the article.

describe('free-text bylines', () => {
  const input = () =>
    makeInput({
      authors: [makeAuthor({ id: 'maya-lindqvist', name: 'Maya Lindqvist', role: 'Editor' })],
      posts: [
        makePost({ slug: 'new', date: '2024-03-01', authorIds: ['joel-okoro', 'Maya Lindqvist'] }),
        makePost({ slug: 'old', date: '2024-01-01', authorIds: ['Joel Okoro', 'Ana Ruiz'], authorLinks: { 'Ana Ruiz': 'https://ana.example.org/' } }),
      ],
    });

  it('become authors with a page and their posts, without a file; a file, when there is one, is matched by name', () => {
    const { graph, diagnostics } = buildSiteGraph(input(), makeConfig());
    expect(diagnostics).toEqual([]);
    expect(graph.authors.map((a) => [a.name, a.url, a.role ?? null, a.posts.map((p) => p.slug), a.social])).toEqual([
      ['Ana Ruiz', '/author/ana-ruiz/', null, ['old'], { website: 'https://ana.example.org/' }],
      ['Joel Okoro', '/author/joel-okoro/', null, ['new', 'old'], {}],
      ['Maya Lindqvist', '/author/maya-lindqvist/', 'Editor', ['new'], {}],
    ]);
    expect(graph.posts[0].authors.map((a) => a.name)).toEqual(['Joel Okoro', 'Maya Lindqvist']);
  });

  it('are errors again with content.requireAuthorFiles', () => {
    const { diagnostics } = buildSiteGraph(input(), makeConfig({ content: { requireAuthorFiles: true } }));
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [codes.unknownAuthor, 'error', 'unknown author "joel-okoro"'],
      [codes.unknownAuthor, 'error', 'unknown author "Joel Okoro"'],
      [codes.unknownAuthor, 'error', 'unknown author "Ana Ruiz"'],
    ]);
  });

  it('warn when the name is a near miss of an author file', () => {
    const { diagnostics } = buildSiteGraph(
      makeInput({ authors: [makeAuthor({ id: 'maya-lindqvist', name: 'Maya Lindqvist' })], posts: [makePost({ authorIds: ['maya-lindkvist'] })] }),
      makeConfig(),
    );
    expect(diagnostics).toEqual([expect.objectContaining({ code: codes.unknownAuthor, severity: 'warning', hint: 'did you mean "maya-lindqvist"?' })]);
  });
});

describe('front-matter URLs', () => {
  it('sets the whole URL, filling Jekyll placeholders; no extension names a folder', () => {
    const { graph } = buildSiteGraph(
      makeInput({
        posts: [
          makePost({ slug: 'clinic', date: '2016-01-04T05:00:00Z', permalink: '/clinic/:year/:title/' }),
          makePost({ slug: 'harbour', date: '2015-03-17T18:00:00Z', categories: ['news', 'Press Releases'], permalink: '/:categories/:year/:month/:day/:title.html' }),
          makePost({ slug: 'ferry', date: '2019-06-11T08:00:00Z', permalink: '/news/ferry-timetables' }),
          makePost({ slug: 'plain', date: '2019-06-11T08:00:00Z' }),
        ],
      }),
      makeConfig(),
    );
    expect(Object.fromEntries(graph.posts.map((p) => [p.slug, p.url]))).toEqual({
      clinic: '/clinic/2016/clinic/',
      harbour: '/news/press-releases/2015/03/17/harbour.html',
      ferry: '/news/ferry-timetables/',
      plain: '/2019/06/plain/',
    });
  });

  it('makes a picture named relative to the article site-relative, so cards on other pages find it', () => {
    const { graph } = buildSiteGraph(
      makeInput({ posts: [makePost({ slug: 'survey', date: '2019-04-02T09:30:00Z', image: { src: 'img/chart.svg', alt: 'Chart' } })] }),
      makeConfig(),
    );
    expect(graph.posts[0].image).toEqual({ src: '/2019/04/survey/img/chart.svg', alt: 'Chart' });
  });
});
