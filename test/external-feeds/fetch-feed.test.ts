import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, type FeedRequest } from '../../src/external-feeds/fetch-feed.js';
import { redirect, startFeedServer, type FeedServer } from '../support/feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({
    '/dated.xml': (req, res) => {
      const lastModified = 'Mon, 30 Nov 2026 10:00:00 GMT';
      if (req.headers['if-modified-since'] === lastModified) return void res.writeHead(304).end();
      res.writeHead(200, { 'last-modified': lastModified, 'content-type': 'text/xml; charset=iso-8859-1' }).end(Buffer.from('<rss>Caf\xe9</rss>', 'latin1'));
    },
    '/zipped.xml': (_req, res) => void res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<rss>small</rss>')),
    // 40 kB of zeros squeezed into a few dozen bytes: the cap counts what it expands to.
    '/bomb.xml': (_req, res) => void res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(40_000))),
    '/to-ftp': redirect(() => 'ftp://files.example/feed.xml'),
    '/hop': redirect((origin) => `${origin}/zipped.xml`),
  });
});
afterAll(() => server.close());

const request = (path: string, extra: Partial<FeedRequest> = {}): FeedRequest => ({ url: `${server.origin}${path}`, timeoutMs: 30_000, maxBytes: 10_000, userAgent: 'migrant-site/test', ...extra });

describe('fetchFeed', () => {
  it('revalidates with Last-Modified and decodes the charset the server names', async () => {
    const first = await fetchFeed(request('/dated.xml'));
    expect(first).toEqual({ kind: 'body', body: '<rss>Café</rss>', lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT', etag: undefined });
    expect(await fetchFeed(request('/dated.xml', { lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT' }))).toEqual({ kind: 'not-modified' });
  });

  it('decompresses gzip, and refuses a body that expands past the cap', async () => {
    expect(await fetchFeed(request('/zipped.xml'))).toMatchObject({ kind: 'body', body: '<rss>small</rss>' });
    await expect(fetchFeed(request('/bomb.xml'))).rejects.toThrow('the response is larger than the 10000-byte limit');
  });

  it('follows a redirect on the configured private host, and refuses one to a non-web scheme', async () => {
    expect(await fetchFeed(request('/hop'))).toMatchObject({ kind: 'body', body: '<rss>small</rss>' });
    await expect(fetchFeed(request('/to-ftp'))).rejects.toThrow('a redirect to a non-web address (ftp:)');
  });

  it('reaches a private host when the config names it itself', async () => {
    const named = server.origin.replace('127.0.0.1', 'localhost');
    expect(await fetchFeed(request('', { url: `${named}/zipped.xml` }))).toMatchObject({ kind: 'body', body: '<rss>small</rss>' });
  });
});
