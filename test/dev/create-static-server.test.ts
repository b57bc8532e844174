import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../src/dev/create-static-server.js';
import { createLiveReload } from '../../src/dev/live-reload.js';

let dir: string;
let server: Server;
let port: number;
const live = createLiveReload();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  const files: Record<string, string> = {
    'site/index.html': '<html><body>home</body></html>',
    'site/about/index.html': '<html><body>about</body></html>',
    'site/404.html': '<html><body>missing page</body></html>',
    'site/assets/site.css': 'body{}',
    'site/.env': 'SECRET=1',
    'secret.txt': 'outside',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'site/leak.html'));
  server = createStaticServer({ dir: join(dir, 'site'), basePath: '/news/', host: '127.0.0.1', live });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  live.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { Host: `localhost:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dev server', () => {
  it('serves pretty URLs under the base path with the live-reload script injected', async () => {
    const home = await get('/news/');
    expect(home.status).toBe(200);
    expect(home.body).toBe('<html><body>home<script src="/news/__migrant/live.js"></script></body></html>');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(home.headers['access-control-allow-origin']).toBeUndefined();
    expect((await get('/news/about/')).body).toContain('about');
    expect((await get('/news/assets/site.css')).body).toBe('body{}');
  });

  it('redirects a folder without its slash and the root to the base path', async () => {
    expect(await get('/news/about')).toMatchObject({ status: 301, headers: { location: '/news/about/' } });
    expect(await get('/')).toMatchObject({ status: 302, headers: { location: '/news/' } });
  });

  it('answers unknown pages with the site 404 page and status 404', async () => {
    const missing = await get('/news/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('missing page');
  });

  it.each([
    ['/news/..%2f..%2fsecret.txt', 400],
    ['/news/%2e%2e/secret.txt', 400],
    ['/news/..\\secret.txt', 400],
    ['/news/%', 400],
    ['/news/%E0%A4%A', 400],
    ['/news/%C0%80', 400],
    ['/news/a%00b', 400],
    ['/news/.env', 404],
    ['/news/leak.html', 404],
    ['/news/assets/', 404],
  ])('refuses %s with %i and stays up', async (path, status) => {
    expect((await get(path)).status).toBe(status);
    expect((await get('/news/')).status).toBe(200);
  });

  it('refuses other hosts, cross-site no-cors reads and methods other than GET and HEAD', async () => {
    expect((await get('/news/', { Host: 'evil.example' })).status).toBe(403);
    expect((await get('/news/', { Host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await get('/news/', { Host: `app.localhost:${port}` })).status).toBe(200);
    expect((await get('/news/', { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' })).status).toBe(403);
    expect((await get('/news/', {}, 'POST')).status).toBe(405);
    const head = await get('/news/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('streams distinct events, replays the current error to new clients, and only a good build clears it', async () => {
    live.buildFailed('content/posts/a.md:1:1 error MS202 front matter is never closed');
    const received = await new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/news/__migrant/events', headers: { Host: `localhost:${port}` } }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
          if (body.includes('"error"') && !body.includes('"fixed"') && live.currentError()) {
            // A search index refreshed meanwhile says nothing while the build is broken.
            live.searchRefreshed(['/pagefind/pagefind.js']);
            expect(live.currentError()).toContain('MS202');
            live.buildSucceeded(['/a/', '/assets/css/site.css']);
          }
          if (body.includes('"styles"')) {
            req.destroy();
            resolve(body);
          }
        });
      });
      req.end();
    });
    const messages = [...received.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]));
    expect(messages).toEqual([
      { type: 'error', text: 'content/posts/a.md:1:1 error MS202 front matter is never closed' },
      { type: 'fixed' },
      { type: 'reload', urls: ['/a/'] },
      { type: 'styles', urls: ['/assets/css/site.css'] },
    ]);
    expect(live.currentError()).toBeUndefined();
    const script = await get('/news/__migrant/live.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain("new EventSource(base + '__migrant/events')");
  });
});
