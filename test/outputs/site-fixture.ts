import { makeConfig } from '../../src/config/make-config.js';
import type { SiteConfig, SiteConfigInput } from '../../src/config/schema.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import type { SiteGraph } from '../../src/graph/types.js';
import { makeAuthor, makeInput, makePost, type PostOverrides } from '../graph/factories.js';

export const now = new Date('2026-11-28T12:00:00Z');

/** Two published articles, one embargoed, under a base path so every URL shows it is respected. */
export const newsPosts: PostOverrides[] = [
  {
    slug: 'boats',
    title: 'Boats reach Lesbos',
    date: '2026-11-27T10:00:00Z',
    updated: '2026-11-27T15:00:00Z',
    authorIds: ['ana'],
    categories: ['Greece'],
    tags: ['asylum', 'sea crossings'],
    summary: 'Two boats landed overnight.',
    image: { src: '/images/boat.svg', alt: 'A boat' },
    html: '<p>See <a href="/2026/11/older/">the earlier report</a> and <a href="https://unhcr.org/">UNHCR</a>.</p>\n<p><img src="/images/chart.png" alt=""></p>',
    aliases: ['/old/boats/'],
  },
  {
    slug: 'older',
    title: 'Shelters fill in Rome',
    date: '2026-11-20T09:00:00Z',
    authorIds: ['ana', 'omar'],
    categories: ['Italy'],
    tags: ['asylum'],
    summary: 'Beds are short.',
    image: { src: '/images/rome.jpg', alt: 'Rome' },
  },
  { slug: 'embargoed', title: 'Embargoed report', date: '2026-12-01T08:00:00Z', authorIds: ['ana'], categories: ['Greece'], tags: ['embargoed-tag'], aliases: ['/old/embargoed/'] },
];

export function makeSite(posts: PostOverrides[] = newsPosts, overrides: Partial<SiteConfigInput> = {}, includeFuture = false): { graph: SiteGraph; config: SiteConfig } {
  const config = makeConfig({
    baseUrl: 'https://example.org/news/',
    description: 'Reporting on migration.',
    taxonomies: { categories: { terms: { Greece: { parent: 'Europe' }, Italy: { parent: 'Europe', description: 'News from Italy.' } } } },
    ...overrides,
  });
  const input = makeInput({
    now,
    includeFuture,
    posts: posts.map(makePost),
    authors: [makeAuthor({ id: 'ana', name: 'Ana Reyes', role: 'Reporter' }), makeAuthor({ id: 'omar', name: 'Omar Haddad' })],
  });
  return { graph: buildSiteGraph(input, config).graph, config };
}
