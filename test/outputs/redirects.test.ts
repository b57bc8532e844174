import { describe, expect, it } from 'vitest';
import { renderRedirects } from '../../src/outputs/redirects.js';
import { makeSite } from './site-fixture.js';

describe('renderRedirects', () => {
  it('writes a page at each alias that sends readers and crawlers to the article', () => {
    const { graph, config } = makeSite([{ slug: 'boats', title: 'Boats & "rescues"', date: '2026-11-27T10:00:00Z', aliases: ['/old/boats/', '/2019/boats.html'] }]);
    const files = renderRedirects(graph, config);
    expect(files.map((f) => [f.url, f.origin])).toEqual([
      ['/old/boats/', 'alias of content/posts/boats.md'],
      ['/2019/boats.html', 'alias of content/posts/boats.md'],
      ['/_redirects', 'redirects file'],
    ]);
    const html = String(files[0].data);
    const target = 'https://example.org/news/2026/11/boats/';
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
    expect(html).toContain(`<link rel="canonical" href="${target}">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<a href="${target}">Boats &amp; &quot;rescues&quot;</a>`);
    expect(html).toContain('<html lang="en">');
    expect(files[1].data).toBe(html);
  });

  it('lists every alias in /_redirects with the base path and a 301', () => {
    const { graph, config } = makeSite();
    const redirects = renderRedirects(graph, config).find((f) => f.url === '/_redirects');
    expect(redirects?.data).toBe('/news/old/boats/ /news/2026/11/boats/ 301\n');
  });

  it('serves an alias without a trailing slash or extension from a folder, and percent-encodes it in /_redirects', () => {
    const { graph, config } = makeSite([{ slug: 'a', date: '2026-11-27T10:00:00Z', aliases: ['/old story', '/café/', '/caf%C3%A9-2/'] }], { baseUrl: 'https://example.org/' });
    const files = renderRedirects(graph, config);
    expect(files.map((f) => f.url)).toEqual(['/old story/', '/café/', '/caf%C3%A9-2/', '/_redirects']);
    expect(files[3].data).toBe('/old%20story /2026/11/a/ 301\n/caf%C3%A9/ /2026/11/a/ 301\n/caf%C3%A9-2/ /2026/11/a/ 301\n');
  });

  it('writes nothing for a site without aliases, and nothing for a future article', () => {
    expect(renderRedirects(makeSite([{ slug: 'a' }]).graph, makeSite().config)).toEqual([]);
    const { graph, config } = makeSite();
    expect(renderRedirects(graph, config).map((f) => f.url)).not.toContain('/old/embargoed/');
  });

  it('escapes the target URL in attributes', () => {
    const { graph, config } = makeSite([{ slug: 'a', date: '2026-11-27T10:00:00Z', aliases: ['/x/'] }], { baseUrl: "https://example.org/a&b'/" });
    expect(String(renderRedirects(graph, config)[0].data)).toContain(`href="https://example.org/a&amp;b&#39;/2026/11/a/"`);
  });
});
