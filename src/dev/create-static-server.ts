import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServerOptions {
  /** The built site. */
  dir: string;
  /** Path the site lives under, from baseUrl: `/` or `/news/`. */
  basePath: string;
}

/**
 * Serves the built site as static hosting would: pretty URLs, the site's
 * 404.html with status 404, no directory listings, no dotfiles, GET/HEAD only.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const files = sirv(options.dir, { dev: true, etag: true, dotfiles: false, extensions: ['html'] });
  const base = options.basePath.replace(/\/$/, '');
  return createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = req.url ?? '/';
    if (base && !(url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`))) {
      res.writeHead(302, { Location: `${base}/` }).end();
      return;
    }
    req.url = url.slice(base.length) || '/';
    files(req, res, () => notFound(options.dir, res));
  });
}

function notFound(dir: string, res: import('node:http').ServerResponse): void {
  let body: Buffer | string = 'Not found';
  try {
    body = readFileSync(join(dir, '404.html'));
  } catch {
    // A site without a 404 page gets plain text.
  }
  res.writeHead(404, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8' }).end(body);
}
