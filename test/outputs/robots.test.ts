import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { renderRobots } from '../../src/outputs/robots.js';

describe('renderRobots', () => {
  it('allows everything and names both sitemaps by default', () => {
    expect(renderRobots(makeConfig())).toEqual({
      url: '/robots.txt',
      origin: 'robots.txt',
      data: 'User-agent: *\nDisallow:\n\nSitemap: https://example.org/sitemap.xml\nSitemap: https://example.org/news-sitemap.xml\n',
    });
  });

  it('disallows the configured paths under the base path, one per line, and drops the news sitemap when it is off', () => {
    const config = makeConfig({ baseUrl: 'https://example.org/news/', robots: { disallow: ['/drafts/', '/search/\nUser-agent: evil', '*.pdf$'] }, sitemap: { news: false } });
    expect(renderRobots(config).data).toBe(
      'User-agent: *\nDisallow: /news/drafts/\nDisallow: /news/search/User-agent:%20evil\nDisallow: *.pdf$\n\nSitemap: https://example.org/news/sitemap.xml\n',
    );
  });
});
