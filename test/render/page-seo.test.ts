import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import type { SiteConfigInput } from '../../src/config/schema.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import type { TemplateContext } from '../../src/render/context.js';
import { buildPageSeo, toOgLocale } from '../../src/render/page-seo.js';
import { planRoutes } from '../../src/routes/plan-routes.js';
import { toSiteContext } from '../../src/render/render-routes.js';
import { shownMeta } from '../../src/render/shown-meta.js';
import type { TemplateEngine } from '../../src/render/template-engine.js';
import { translate, type MessageTable } from '../../src/render/translations.js';
import { repoRoot } from '../support/temp-site.js';
import { makeAuthor, makeInput, makePost } from '../graph/factories.js';

const base = 'https://example.org/news/';

/** As the page carries it: keys left undefined are gone. */
const asJson = (value: object) => JSON.parse(JSON.stringify(value));

/** The SEO data of the page at `url`, for a small site under a sub-path. */
const builtInWords = { en: JSON.parse(readFileSync(`${repoRoot}/theme/i18n/en.json`, 'utf8')) as MessageTable };

function seoOf(url: string, overrides: Partial<SiteConfigInput> = {}) {
  const config = makeConfig({
    baseUrl: base,
    title: 'The Desk',
    description: 'Migration news.',
    timeZone: 'Europe/Athens',
    logo: '/images/logo.png',
    social: { x: 'https://x.com/desk' },
    taxonomies: { categories: { terms: { Greece: { parent: 'Europe' } } } },
    ...overrides,
  });
  const post = makePost({
    slug: 'crossings',
    title: 'Winter crossings rise',
    summary: 'More boats reach the islands.',
    date: '2024-11-20T09:30:00Z',
    updated: '2024-11-21T14:00:00Z',
    authorIds: ['amina'],
    categories: ['Greece'],
    tags: ['asylum', 'sea crossings'],
    image: { src: '/images/coast.svg', alt: 'A coastline' },
    wordCount: 812,
  });
  const plain = makePost({ slug: 'plain', title: 'No picture', date: '2024-11-01T09:00:00Z' });
  const { graph } = buildSiteGraph(makeInput({ posts: [post, plain], authors: [makeAuthor({ id: 'amina', name: 'Amina Yusuf' })] }), config);
  const route = planRoutes(graph, config, []).pages.find((r) => r.url === url);
  if (!route) throw new Error(`no page at ${url}`);
  const own = route.context.post ?? route.context.page;
  const words = { text: (key: string, params: Record<string, unknown>, lang: string) => translate(builtInWords, lang, key, params) } as TemplateEngine;
  const context: TemplateContext = { site: toSiteContext(graph, config), lists: {}, latest: [], now: graph.now, ...route.context, meta: shownMeta(route.meta, own?.lang ?? config.language, words), lang: own?.lang ?? config.language, dir: own?.dir ?? 'ltr' };
  return buildPageSeo(context, config);
}

describe('buildPageSeo on an article', () => {
  const seo = seoOf('/2024/11/crossings/');

  it('gives Open Graph and Twitter meta with absolute URLs under the base path', () => {
    expect(seo.title).toBe('Winter crossings rise — The Desk');
    expect(seo.canonical).toBe('https://example.org/news/2024/11/crossings/');
    expect(seo.og).toEqual({
      type: 'article',
      title: 'Winter crossings rise',
      description: 'More boats reach the islands.',
      url: 'https://example.org/news/2024/11/crossings/',
      siteName: 'The Desk',
      locale: undefined,
      image: { url: 'https://example.org/news/images/coast.svg', alt: 'A coastline' },
    });
    expect(seo.article).toEqual({
      publishedTime: '2024-11-20T11:30:00+02:00',
      modifiedTime: '2024-11-21T16:00:00+02:00',
      section: 'Greece',
      tags: ['asylum', 'sea crossings'],
      authors: ['https://example.org/news/author/amina/'],
    });
    expect(seo.twitter).toEqual({
      card: 'summary_large_image',
      title: 'Winter crossings rise',
      description: 'More boats reach the islands.',
      image: { url: 'https://example.org/news/images/coast.svg', alt: 'A coastline' },
    });
    expect(seo.noindex).toBe(false);
  });

  it('describes the article as a NewsArticle with its publisher and logo', () => {
    expect(seo.jsonLd[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Winter crossings rise',
      description: 'More boats reach the islands.',
      image: ['https://example.org/news/images/coast.svg'],
      datePublished: '2024-11-20T11:30:00+02:00',
      dateModified: '2024-11-21T16:00:00+02:00',
      author: [{ '@type': 'Person', name: 'Amina Yusuf', url: 'https://example.org/news/author/amina/' }],
      publisher: {
        '@type': 'Organization',
        name: 'The Desk',
        url: 'https://example.org/news/',
        logo: { '@type': 'ImageObject', url: 'https://example.org/news/images/logo.png' },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.org/news/2024/11/crossings/' },
      url: 'https://example.org/news/2024/11/crossings/',
      articleSection: 'Greece',
      keywords: 'asylum, sea crossings',
      wordCount: 812,
      inLanguage: 'en',
    });
  });

  it('gives the breadcrumb the page shows: Home » parent category » category » headline', () => {
    expect(seo.jsonLd[1]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.org/news/' },
        { '@type': 'ListItem', position: 2, name: 'Europe', item: 'https://example.org/news/category/europe/' },
        { '@type': 'ListItem', position: 3, name: 'Greece', item: 'https://example.org/news/category/greece/' },
        { '@type': 'ListItem', position: 4, name: 'Winter crossings rise', item: 'https://example.org/news/2024/11/crossings/' },
      ],
    });
  });

  it('falls back to the logo and a small card for an article without a picture, and omits a missing logo', () => {
    const withLogo = seoOf('/2024/11/plain/');
    expect(withLogo.og.image).toEqual({ url: 'https://example.org/news/images/logo.png', alt: 'The Desk' });
    expect(withLogo.twitter.card).toBe('summary');
    expect(withLogo.og.description).toBe('Migration news.');

    const noLogo = seoOf('/2024/11/plain/', { logo: undefined });
    expect(noLogo.og.image).toBeUndefined();
    expect(noLogo.jsonLd[0]).toMatchObject({ publisher: { '@type': 'Organization', name: 'The Desk' } });
    expect(JSON.stringify(noLogo.jsonLd[0])).not.toContain('ImageObject');
    expect(asJson(noLogo.jsonLd[0])).not.toHaveProperty('image');
  });
});

describe('buildPageSeo on other pages', () => {
  it('gives the home page WebSite with a SearchAction on the search page, and the Organization', () => {
    const seo = seoOf('/');
    expect(seo.title).toBe('The Desk');
    expect(seo.og.type).toBe('website');
    expect(seo.article).toBeUndefined();
    expect(seo.jsonLd).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: 'The Desk',
        description: 'Migration news.',
        url: 'https://example.org/news/',
        inLanguage: 'en',
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: 'https://example.org/news/search/?q={search_term_string}' },
          'query-input': 'required name=search_term_string',
        },
      },
      {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'The Desk',
        url: 'https://example.org/news/',
        logo: { '@type': 'ImageObject', url: 'https://example.org/news/images/logo.png' },
        sameAs: ['https://x.com/desk'],
      },
    ]);
  });

  it('offers no SearchAction when search is off', () => {
    const seo = seoOf('/', { search: { enabled: false } });
    expect(asJson(seo.jsonLd[0])).not.toHaveProperty('potentialAction');
  });

  it('describes a category page as a CollectionPage', () => {
    expect(seoOf('/category/europe/').jsonLd).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'CollectionPage',
        name: 'Europe',
        url: 'https://example.org/news/category/europe/',
        inLanguage: 'en',
        isPartOf: { '@type': 'WebSite', name: 'The Desk', url: 'https://example.org/news/' },
      },
    ]);
  });

  it('keeps the search page and the not-found page out of search engines; the not-found page has no canonical URL', () => {
    const search = seoOf('/search/');
    expect([search.noindex, search.canonical, search.title]).toEqual([true, 'https://example.org/news/search/', 'Search — The Desk']);
    const missing = seoOf('/404.html');
    expect([missing.noindex, missing.canonical, missing.og.url]).toEqual([true, undefined, undefined]);
    expect(missing.jsonLd).toEqual([]);
  });
});

describe('toOgLocale', () => {
  it('turns a language with a region into an Open Graph locale, and a bare language into none', () => {
    expect(toOgLocale('en-GB')).toBe('en_GB');
    expect(toOgLocale('pt-br')).toBe('pt_BR');
    expect(toOgLocale('en')).toBeUndefined();
    expect(toOgLocale('sr-Latn')).toBeUndefined();
  });
});
