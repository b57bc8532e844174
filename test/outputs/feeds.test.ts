import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderFeeds } from '../../src/outputs/feeds.js';
import type { GeneratedFile } from '../../src/outputs/generated-file.js';
import { makeSite, newsPosts } from './site-fixture.js';
import { xmlProblems } from '../support/well-formed-xml.js';

const text = (files: GeneratedFile[], url: string) => {
  const file = files.find((f) => f.url === url);
  if (!file) throw new Error(`no ${url} among ${files.map((f) => f.url).join(', ')}`);
  return String(file.data);
};

afterEach(() => vi.useRealTimers());

describe('renderFeeds: the site feeds', () => {
  const { graph, config } = makeSite();
  const files = renderFeeds(graph, config);

  it('writes RSS 2.0 that a feed parser reads back field for field', () => {
    const xml = text(files, '/feed.xml');
    expect(xmlProblems(xml)).toEqual([]);
    const feed = parseFeed(xml);
    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect([feed.title, feed.description, feed.url, feed.self, feed.language]).toEqual([
      'Test Site',
      'Reporting on migration.',
      'https://example.org/news/',
      'https://example.org/news/feed.xml',
      'en',
    ]);
    expect(feed.generator?.label).toBe('migrant-site');
    expect(feed.updated).toEqual(new Date('2026-11-27T15:00:00Z'));
    const [boats, older] = feed.items;
    expect(feed.items).toHaveLength(2);
    expect([boats.title, boats.url, boats.id]).toEqual(['Boats reach Lesbos', 'https://example.org/news/2026/11/boats/', 'https://example.org/news/2026/11/boats/']);
    expect(boats.published).toEqual(new Date('2026-11-27T10:00:00Z'));
    expect(boats.description).toBe('Two boats landed overnight.');
    expect(boats.authors).toEqual([{ name: 'Ana Reyes', email: null, url: null }]);
    expect(older.authors.map((a) => a.name)).toEqual(['Ana Reyes', 'Omar Haddad']);
    expect(boats.categories.map((c) => c.term)).toEqual(['Greece', 'asylum', 'sea crossings']);
    expect(boats.media[0]).toMatchObject({ url: 'https://example.org/news/images/boat.svg', mimeType: 'image/svg+xml', length: 0 });
    expect(older.media[0]).toMatchObject({ url: 'https://example.org/news/images/rome.jpg', mimeType: 'image/jpeg' });
    expect(boats.content).toBe(
      '<p>See <a href="https://example.org/news/2026/11/older/">the earlier report</a> and <a href="https://unhcr.org/">UNHCR</a>.</p>\n<p><img src="https://example.org/news/images/chart.png" alt=""></p>',
    );
    expect(xml).toContain('<guid isPermaLink="true">https://example.org/news/2026/11/boats/</guid>');
    expect(xml).toContain('<enclosure url="https://example.org/news/images/boat.svg" length="0" type="image/svg+xml"/>');
    expect(xml).toContain('<pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate>');
  });

  it('writes Atom 1.0 with published and updated dates, author links and image enclosures', () => {
    const xml = text(files, '/atom.xml');
    expect(xmlProblems(xml)).toEqual([]);
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect([feed.title, feed.url, feed.self, feed.language]).toEqual(['Test Site', 'https://example.org/news/', 'https://example.org/news/atom.xml', 'en']);
    expect(feed.updated).toEqual(new Date('2026-11-27T15:00:00Z'));
    const [boats, older] = feed.items;
    expect([boats.id, boats.url, boats.title]).toEqual(['https://example.org/news/2026/11/boats/', 'https://example.org/news/2026/11/boats/', 'Boats reach Lesbos']);
    expect(boats.published).toEqual(new Date('2026-11-27T10:00:00Z'));
    expect(boats.updated).toEqual(new Date('2026-11-27T15:00:00Z'));
    expect(older.updated).toEqual(new Date('2026-11-20T09:00:00Z'));
    expect(boats.authors).toEqual([{ name: 'Ana Reyes', email: null, url: 'https://example.org/news/author/ana/' }]);
    expect(boats.categories.map((c) => c.term)).toEqual(['Greece', 'asylum', 'sea crossings']);
    expect(boats.media[0]).toMatchObject({ url: 'https://example.org/news/images/boat.svg', mimeType: 'image/svg+xml' });
    expect(boats.content).toContain('<a href="https://example.org/news/2026/11/older/">');
    expect(xml).toContain('<link rel="enclosure" type="image/jpeg" href="https://example.org/news/images/rome.jpg"/>');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
  });

  it('writes JSON Feed 1.1', () => {
    const feed = JSON.parse(text(files, '/feed.json'));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test Site',
      home_page_url: 'https://example.org/news/',
      feed_url: 'https://example.org/news/feed.json',
      language: 'en',
    });
    expect(feed.items[0]).toEqual({
      id: 'https://example.org/news/2026/11/boats/',
      url: 'https://example.org/news/2026/11/boats/',
      title: 'Boats reach Lesbos',
      content_html: expect.stringContaining('<img src="https://example.org/news/images/chart.png" alt="">'),
      summary: 'Two boats landed overnight.',
      image: 'https://example.org/news/images/boat.svg',
      date_published: '2026-11-27T10:00:00Z',
      date_modified: '2026-11-27T15:00:00Z',
      authors: [{ name: 'Ana Reyes', url: 'https://example.org/news/author/ana/' }],
      tags: ['Greece', 'asylum', 'sea crossings'],
    });
  });

  it('leaves a future article out of every feed', () => {
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      expect(String(f.data), f.url).not.toContain('embargoed');
      expect(String(f.data), f.url).not.toContain('Embargoed report');
    }
  });
});

describe('renderFeeds: which feeds', () => {
  const urls = (files: GeneratedFile[]) => files.map((f) => f.url).sort();

  it('writes the three formats for the site, every category (parents too) and every author; tags only when asked', () => {
    const { graph, config } = makeSite();
    const formats = (base: string) => [`${base}atom.xml`, `${base}feed.json`, `${base}feed.xml`];
    expect(urls(renderFeeds(graph, config))).toEqual(
      ['/', '/author/ana/', '/author/omar/', '/category/europe/', '/category/greece/', '/category/italy/'].flatMap(formats).sort(),
    );
    const withTags = makeSite(newsPosts, { feeds: { tags: true, categories: false, authors: false } });
    expect(urls(renderFeeds(withTags.graph, withTags.config))).toEqual(['/', '/tag/asylum/', '/tag/sea-crossings/'].flatMap(formats).sort());
  });

  it('writes only the configured formats', () => {
    const { graph, config } = makeSite(newsPosts, { feeds: { formats: ['rss'], categories: false, authors: false } });
    expect(renderFeeds(graph, config).map((f) => [f.url, f.origin])).toEqual([['/feed.xml', 'rss feed']]);
  });

  it('gives a term feed the term title, its posts (children included for a parent) and its own URLs', () => {
    const { graph, config } = makeSite();
    const files = renderFeeds(graph, config);
    const europe = parseFeed(text(files, '/category/europe/feed.xml'));
    expect([europe.title, europe.url, europe.self]).toEqual(['Test Site — Europe', 'https://example.org/news/category/europe/', 'https://example.org/news/category/europe/feed.xml']);
    expect(europe.items.map((i) => i.title)).toEqual(['Boats reach Lesbos', 'Shelters fill in Rome']);
    const italy = parseFeed(text(files, '/category/italy/atom.xml'));
    expect([italy.title, italy.description, italy.items.length]).toEqual(['Test Site — Italy', 'News from Italy.', 1]);
    const omar = JSON.parse(text(files, '/author/omar/feed.json'));
    expect([omar.title, omar.home_page_url, omar.items.length]).toEqual(['Test Site — Omar Haddad', 'https://example.org/news/author/omar/', 1]);
    expect(files.find((f) => f.url === '/category/italy/atom.xml')?.origin).toBe('atom feed of category "Italy"');
  });

  it('keeps the newest `limit` entries, and the summary only without fullContent', () => {
    const { graph, config } = makeSite(newsPosts, { feeds: { limit: 1, fullContent: false } });
    const files = renderFeeds(graph, config);
    const rss = text(files, '/feed.xml');
    expect(parseFeed(rss).items.map((i) => i.title)).toEqual(['Boats reach Lesbos']);
    expect(rss).not.toContain('content:encoded>');
    expect(parseFeed(text(files, '/atom.xml')).items[0].content).toBe(null);
    const json = JSON.parse(text(files, '/feed.json'));
    expect(json.items).toHaveLength(1);
    expect(json.items[0].content_text).toBe('Two boats landed overnight.');
    expect(json.items[0].content_html).toBeUndefined();
  });
});

describe('renderFeeds: stability and escaping', () => {
  it('is byte-identical across builds at different wall-clock times', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = makeSite();
    const a = renderFeeds(first.graph, first.config);
    vi.setSystemTime(new Date('2031-06-15T08:00:00Z'));
    const second = makeSite();
    expect(renderFeeds(second.graph, second.config)).toEqual(a);
  });

  it('shows the configured logo as the RSS image and the Atom logo', () => {
    const { graph, config } = makeSite(newsPosts, { logo: '/images/logo.png', feeds: { categories: false, authors: false } });
    const files = renderFeeds(graph, config);
    expect(parseFeed(text(files, '/feed.xml')).image?.url).toBe('https://example.org/news/images/logo.png');
    expect(text(files, '/atom.xml')).toContain('<logo>https://example.org/news/images/logo.png</logo>');
  });

  it('dates an empty feed by a fixed epoch in Atom and leaves the date out of RSS', () => {
    const { graph, config } = makeSite([]);
    const files = renderFeeds(graph, config);
    expect(text(files, '/feed.xml')).not.toContain('lastBuildDate');
    expect(text(files, '/atom.xml')).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(parseFeed(text(files, '/feed.xml')).items).toEqual([]);
    expect(JSON.parse(text(files, '/feed.json')).items).toEqual([]);
  });

  it('keeps feeds well-formed for titles, summaries and tags that look like markup or CDATA ends', () => {
    const hostile = 'A ]]> B ]]> <script>alert("x")</script> & \'q\'\u0007';
    const { graph, config } = makeSite([
      { slug: 'hostile', title: hostile, summary: hostile, tags: ['a<b>&"c'], date: '2026-11-27T10:00:00Z', html: '<p>x ]]> y ]]> z</p>' },
    ]);
    const files = renderFeeds(graph, config);
    const clean = 'A ]]> B ]]> <script>alert("x")</script> & \'q\'';
    for (const url of ['/feed.xml', '/atom.xml']) {
      const xml = text(files, url);
      expect(xmlProblems(xml), url).toEqual([]);
      expect(xml, url).not.toContain('<script>');
      const [item] = parseFeed(xml).items;
      expect(item.title, url).toBe(clean);
      expect(item.categories.map((c) => c.term), url).toEqual(['a<b>&"c']);
      expect(item.content, url).toBe('<p>x ]]> y ]]> z</p>');
    }
    expect(text(files, '/feed.xml')).toContain('<description>A ]]&amp;gt; B ]]&amp;gt; &amp;lt;script&amp;gt;');
    expect(JSON.parse(text(files, '/feed.json')).items[0].title).toBe(hostile);
  });
});
