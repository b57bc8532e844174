import { describe, expect, it } from 'vitest';
import { renderHeaders } from '../../src/outputs/headers.js';
import { parseHeadersFile } from '../../src/dev/site-headers.js';
import { makeConfig } from '../../src/config/make-config.js';

describe('_headers', () => {
  const config = makeConfig({ baseUrl: 'https://example.org/news/', newsletter: { action: 'https://lists.example.net/subscribe' } });
  const text = renderHeaders(config).data as string;

  it('sends the security headers everywhere and caches theme assets for a year, under the base path', () => {
    expect(text.split('\n\n')[1]).toBe('/news/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    const all = text.split('\n\n')[0].split('\n');
    expect(all[0]).toBe('/news/*');
    expect(all.slice(1).map((l) => l.trim().split(':')[0])).toEqual(['Content-Security-Policy', 'Referrer-Policy', 'X-Content-Type-Options', 'Permissions-Policy']);
  });

  it('lets forms post only to the site and the newsletter service, and Pagefind run its WebAssembly', () => {
    expect(text).toContain("form-action 'self' https://lists.example.net;");
    expect(text).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(text).not.toContain('unsafe-inline');
  });

  it('lets pages frame only the embed hosts that articles may use', () => {
    expect(text).toContain('frame-src https://www.youtube.com https://youtube.com https://www.youtube-nocookie.com https://youtube-nocookie.com https://player.vimeo.com;');
    const none = renderHeaders(makeConfig({ markdown: { embedHosts: [] } })).data as string;
    expect(none).toContain("frame-src 'none';");
  });

  it('is read back by the dev server: patterns with *, caching left to the dev server', () => {
    const rules = parseHeadersFile(text);
    const headersFor = (path: string) => rules.flatMap((r) => (r.pattern.test(path) ? r.headers.map(([k]) => k) : []));
    expect(headersFor('/news/assets/css/site.0123456789.css')).toEqual(['Content-Security-Policy', 'Referrer-Policy', 'X-Content-Type-Options', 'Permissions-Policy']);
    expect(headersFor('/other/')).toEqual([]);
  });
});
