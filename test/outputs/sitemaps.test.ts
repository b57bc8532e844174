import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile, RenderedPageInfo } from '../../src/outputs/generated-file.js';
import { toNewsLanguage } from '../../src/outputs/news-sitemap.js';
import { renderSitemaps } from '../../src/outputs/sitemaps.js';
import { makeSite, now } from './site-fixture.js';
import { xmlProblems } from '../support/well-formed-xml.js';

const page = (url: string, kind = 'page', lastmod?: string): RenderedPageInfo => ({
  url,
  kind,
  html: '<html><head></head></html>',
  lastmod: lastmod ? new Date(lastmod) : undefined,
  noindex: kind === '404' || kind === 'search',
});

const pages = [
  page('/', 'home', '2026-11-27T15:00:00Z'),
  page('/2026/11/boats/', 'post', '2026-11-27T15:00:00.250Z'),
  page('/about/'),
  page('/404.html', '404'),
  page('/search/', 'search'),
];

const byUrl = (files: GeneratedFile[], url: string) => String(files.find((f) => f.url === url)?.data);
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
const hours = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

describe('renderSitemaps: /sitemap.xml', () => {
  const { graph, config } = makeSite();

  it('lists every indexable page by absolute URL with its lastmod, in the sitemap namespace', () => {
    const xml = byUrl(renderSitemaps(graph, config, pages), '/sitemap.xml');
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(
      '  <url>\n    <loc>https://example.org/news/2026/11/boats/</loc>\n    <lastmod>2026-11-27T15:00:00Z</lastmod>\n  </url>\n  <url>\n    <loc>https://example.org/news/about/</loc>\n  </url>',
    );
    expect(locs(xml)).toEqual(['https://example.org/news/', 'https://example.org/news/2026/11/boats/', 'https://example.org/news/about/']);
  });

  it('escapes URLs for XML', () => {
    const xml = byUrl(renderSitemaps(graph, config, [page("/q&a/it's/")]), '/sitemap.xml');
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<loc>https://example.org/news/q&amp;a/it&#39;s/</loc>');
  });

  it('becomes an index of numbered sitemaps past maxUrls', () => {
    const site = makeSite(undefined, { sitemap: { maxUrls: 2 } });
    const many = [...pages, page('/contact/', 'page', '2026-10-01T00:00:00Z'), page('/tags/')];
    const files = renderSitemaps(site.graph, site.config, many);
    expect(files.map((f) => f.url)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml', '/news-sitemap.xml']);
    for (const f of files) expect(xmlProblems(String(f.data)), f.url).toEqual([]);
    const index = byUrl(files, '/sitemap.xml');
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain('  <sitemap>\n    <loc>https://example.org/news/sitemap-1.xml</loc>\n    <lastmod>2026-11-27T15:00:00Z</lastmod>\n  </sitemap>');
    expect(index).toContain('  <sitemap>\n    <loc>https://example.org/news/sitemap-3.xml</loc>\n  </sitemap>');
    expect(locs(byUrl(files, '/sitemap-2.xml'))).toEqual(['https://example.org/news/about/', 'https://example.org/news/contact/']);
    expect(locs(byUrl(files, '/sitemap-3.xml'))).toEqual(['https://example.org/news/tags/']);
  });

  it('stays one urlset at exactly maxUrls', () => {
    const site = makeSite(undefined, { sitemap: { maxUrls: 3, news: false } });
    expect(renderSitemaps(site.graph, site.config, pages).map((f) => f.url)).toEqual(['/sitemap.xml']);
  });
});

describe('renderSitemaps: /news-sitemap.xml', () => {
  const news = (posts: Parameters<typeof makeSite>[0], overrides = {}, includeFuture = false) => {
    const { graph, config } = makeSite(posts, overrides, includeFuture);
    return byUrl(renderSitemaps(graph, config, []), '/news-sitemap.xml');
  };

  it('lists articles from the 48 hours before the build clock, newest first, with Google News fields', () => {
    const xml = news(
      [
        { slug: 'in-47h', title: 'Forty-seven', date: hours(47) },
        { slug: 'at-48h', title: 'Forty-eight', date: hours(48) },
        { slug: 'out-49h', title: 'Forty-nine', date: hours(49) },
        { slug: 'just-now', title: 'Q&A: "what" <next>', date: hours(0) },
        { slug: 'future', title: 'Future', date: hours(-1) },
      ],
      {},
      true,
    );
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">');
    expect(locs(xml)).toEqual([
      'https://example.org/news/2026/11/just-now/',
      'https://example.org/news/2026/11/in-47h/',
      'https://example.org/news/2026/11/at-48h/',
    ]);
    expect(xml).toContain(
      [
        '  <url>',
        '    <loc>https://example.org/news/2026/11/just-now/</loc>',
        '    <news:news>',
        '      <news:publication>',
        '        <news:name>Test Site</news:name>',
        '        <news:language>en</news:language>',
        '      </news:publication>',
        '      <news:publication_date>2026-11-28T12:00:00Z</news:publication_date>',
        '      <news:title>Q&amp;A: &quot;what&quot; &lt;next&gt;</news:title>',
        '    </news:news>',
        '  </url>',
      ].join('\n'),
    );
    const parsed = new XMLParser().parse(xml);
    expect(parsed.urlset.url[0]['news:news']['news:title']).toBe('Q&A: "what" <next>');
  });

  it('is a valid empty urlset when nothing is recent, and absent when turned off', () => {
    const xml = news([{ slug: 'old', date: hours(100) }]);
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n</urlset>');
    const { graph, config } = makeSite(undefined, { sitemap: { news: false } });
    expect(renderSitemaps(graph, config, pages).map((f) => f.url)).toEqual(['/sitemap.xml']);
  });

  it('lists at most 1,000 articles', () => {
    const posts = Array.from({ length: 1001 }, (_, i) => ({ slug: `p-${i}`, date: new Date(now.getTime() - i * 60_000) }));
    const urls = locs(news(posts));
    expect(urls).toHaveLength(1000);
    expect(urls.at(-1)).toBe('https://example.org/news/2026/11/p-999/');
  });

  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['zh', 'zh-cn'],
    ['zh-Hans-CN', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-Hant-HK', 'zh-tw'],
    ['fil', 'fil'],
  ])('writes the language %s as %s', (tag, expected) => {
    expect(toNewsLanguage(tag)).toBe(expected);
  });
});
