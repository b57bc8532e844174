import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { article, createTempSite, problemsIn, type TempSite } from '../support/temp-site.js';
import { xmlProblems } from '../support/well-formed-xml.js';

// Through the built CLI (run `npm run build` first): feeds, sitemaps, robots.txt
// and redirects land in dist/ and hold nothing embargoed.

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

const now = '--now=2024-11-10T12:00:00Z';
const post = (title: string, extra: Record<string, unknown> = {}) =>
  article({ title: JSON.stringify(title), date: '2024-11-09T10:00:00Z', author: 'ana', categories: '[Greece]', tags: '[asylum]', ...extra });

function site(files: Record<string, string>): TempSite {
  const s = createTempSite(
    { 'content/authors/ana.md': '---\nname: Ana Reyes\n---\nAna covers the border.\n', 'content/pages/about.md': '---\ntitle: About us\nslug: about\n---\nAbout.\n', ...files },
    { config: { baseUrl: 'https://news.example.org/desk/', search: { enabled: false } } },
  );
  sites.push(s);
  return s;
}

describe('discovery outputs of a built site', () => {
  it('writes feeds, sitemaps, robots.txt and redirects, none of which mention a future article', async () => {
    const s = site({
      'content/posts/live.md': post('Boats reach Lesbos', { slug: 'boats', aliases: '["/old/boats/"]', image: '{src: /images/boat.svg, alt: A boat}' }),
      'content/static/images/boat.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="#36c"/></svg>',
      'content/posts/later.md': post('Embargoed report', { date: '2024-12-01', tags: '[embargoed-tag]', aliases: '["/old/embargoed/"]' }),
    });
    const result = await s.main('build', now);
    expect(problemsIn(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    const outputs = ['feed.xml', 'atom.xml', 'feed.json', 'category/greece/feed.xml', 'author/ana/atom.xml', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', '_redirects', 'old/boats/index.html'];
    const files = s.list();
    expect(files).toEqual(expect.arrayContaining(outputs));
    for (const file of outputs) {
      const text = s.read(`dist/${file}`);
      expect(text, file).not.toMatch(/embargoed/i);
      if (file.endsWith('.xml')) expect(xmlProblems(text), file).toEqual([]);
    }
    expect(files.some((f) => f.includes('embargoed'))).toBe(false);

    const rss = parseFeed(s.read('dist/feed.xml'));
    expect(rss.items.map((i) => [i.title, i.url])).toEqual([['Boats reach Lesbos', 'https://news.example.org/desk/2024/11/boats/']]);
    expect(s.read('dist/news-sitemap.xml')).toContain('<loc>https://news.example.org/desk/2024/11/boats/</loc>');
    expect(s.read('dist/sitemap.xml')).toContain('<loc>https://news.example.org/desk/about/</loc>');
    expect(s.read('dist/sitemap.xml')).not.toContain('404');
    expect(s.read('dist/robots.txt')).toContain('Sitemap: https://news.example.org/desk/sitemap.xml\n');
    expect(s.read('dist/_redirects')).toBe('/desk/old/boats/ /desk/2024/11/boats/ 301\n');
    expect(s.read('dist/old/boats/index.html')).toContain('<meta http-equiv="refresh" content="0; url=https://news.example.org/desk/2024/11/boats/">');
    expect(s.read('dist/index.html')).toContain('<link rel="alternate" type="application/rss+xml" title="Test News (RSS)" href="https://news.example.org/desk/feed.xml">');
    const greece = s.read('dist/category/greece/index.html');
    expect(greece).toContain('<link rel="alternate" type="application/atom+xml" title="Test News — Greece (Atom)" href="https://news.example.org/desk/category/greece/atom.xml">');
    expect(greece).toMatch(/<a class="feed-link" href="\/desk\/category\/greece\/feed\.xml" type="application\/rss\+xml"><svg[^>]*>.*<\/svg><span>RSS feed<span class="visually-hidden"> of Greece<\/span><\/span><\/a>/);
  });

  it.each(['/../../escaped/', '/..%2F..%2Fescaped/', '/%2e%2e/%2e%2e/escaped/', '/..\\..\\escaped/'])('refuses the alias %s with MS501 and writes nothing', async (alias) => {
    const s = site({ 'content/posts/evil.md': post('Evil', { aliases: JSON.stringify([alias]) }) });
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    // Placed at the aliases line of the article (item 14 of issue 11).
    expect(result.stderr).toContain(`content/posts/evil.md:7:1 error MS501 output path escapes the output folder: ${JSON.stringify(alias)}`);
    expect(s.exists('dist')).toBe(false);
    expect(readdirSync(dirname(s.root)).includes('escaped')).toBe(false);
  });

  it('reports an alias that collides with a page, naming both', async () => {
    const s = site({ 'content/posts/a.md': post('A', { aliases: '["/about/"]' }) });
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error MS302 2 pages would be written to about/index.html: content/pages/about.md, alias of content/posts/a.md');
    expect(s.exists('dist')).toBe(false);
  });
});
