import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { isInside } from '../paths/is-inside.js';
import { liveClientScript } from './live-client.js';
import type { LiveReload } from './live-reload.js';
import { loadSiteHeaders } from './site-headers.js';

export interface StaticServerOptions {
  /** The built site. */
  dir: string;
  /** Path the site lives under, from baseUrl: `/` or `/news/`. */
  basePath: string;
  /** The address the server binds, allowed as a Host header. */
  host?: string;
  /** With live reload, HTML responses get the reload script (the files on disk never do). */
  live?: LiveReload;
}

const localHosts = /^(localhost|[^:]+\.localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Serves the last good build as static hosting would (pretty URLs, the site's
 * 404.html with status 404, no directory listings, no dotfiles, GET and HEAD
 * only), with the dev-server precautions: a Host allowlist against DNS
 * rebinding, no CORS, no cross-site no-cors reads, one decode of the URL and
 * containment checked on the real path.
 */
export function createStaticServer(options: StaticServerOptions): Server {
  const files = sirv(options.dir, { dev: true, etag: true, dotfiles: false });
  const base = options.basePath.endsWith('/') ? options.basePath : `${options.basePath}/`;
  const client = liveClientScript(base);
  const ownAddresses = allowedAddresses(options.host);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    const host = (req.headers.host ?? '').toLowerCase();
    if (!localHosts.test(host) && !ownAddresses.has(host.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''))) {
      return void res.writeHead(403).end('Forbidden host');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site' && req.headers['sec-fetch-mode'] === 'no-cors') return void res.writeHead(403).end();

    const path = decodePath(req.url ?? '/');
    if (path === undefined) return void res.writeHead(400).end('Bad request');
    if (!path.startsWith(base)) {
      return void res.writeHead(path === '/' ? 302 : 404, path === '/' ? { Location: base } : {}).end();
    }
    const inner = `/${path.slice(base.length)}`;
    for (const [name, value] of await loadSiteHeaders(options.dir, path)) res.setHeader(name, value);
    if (options.live && inner === '/__migrant/events') return options.live.connect(req, res);
    if (options.live && inner === '/__migrant/live.js') {
      return void res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).end(client);
    }

    if (!/\/$|\.[^/]*$/.test(inner) && (await isFile(join(options.dir, inner, 'index.html')))) {
      return void res.writeHead(301, { Location: `${base}${inner.slice(1)}/` }).end();
    }
    const file = await findFile(options.dir, inner);
    if (file === null) return void res.writeHead(404).end();
    if (file === undefined) return notFound(req, res);
    if (file.html) return sendHtml(res, req, await readFile(file.real, 'utf8'), 200);
    // sirv decodes the URL again: hand it the path encoded once more, so it decodes to exactly the checked one.
    req.url = inner.split('/').map(encodeURIComponent).join('/');
    files(req, res, () => void notFound(req, res));
  };

  const sendHtml = (res: ServerResponse, req: IncomingMessage, html: string, status: number) => {
    const body = options.live ? html.replace(/<\/body>/i, `<script src="${base}__migrant/live.js"></script></body>`) : html;
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const notFound = async (req: IncomingMessage, res: ServerResponse) => {
    const page = await readFile(join(options.dir, '404.html'), 'utf8').catch(() => undefined);
    if (page === undefined) return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    sendHtml(res, req, page, 404);
  };

  return createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** The URL path decoded once, or undefined when it is malformed or tries to leave the site. */
function decodePath(url: string): string | undefined {
  const raw = url.split(/[?#]/)[0];
  if (/%(2f|5c|00)/i.test(raw)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || /[\\\u0000]/.test(path) || path.split('/').some((s) => s === '..' || s === '.')) return undefined;
  return path;
}

/**
 * The file a decoded URL path names (`/a/` → `a/index.html`), checked once for
 * every kind of file: no dotfile segment, and its real path (links resolved)
 * inside the real output folder. undefined when there is no such file, null
 * when it must not be served.
 */
async function findFile(dir: string, path: string): Promise<{ real: string; html: boolean } | undefined | null> {
  if (path.split('/').some((s) => s.startsWith('.'))) return null;
  const candidate = path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
  const real = await realpath(candidate).catch(() => undefined);
  if (!real) return undefined;
  if (!isInside(await realpath(dir), real) || !(await stat(real)).isFile()) return null;
  return { real, html: candidate.endsWith('.html') };
}

/**
 * Host names besides localhost that reach this server: the bound address, or
 * when bound to every interface (0.0.0.0, ::), each address of this machine,
 * so LAN clients that were warned about can connect.
 */
function allowedAddresses(host: string | undefined): Set<string> {
  if (!host) return new Set();
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (bare !== '0.0.0.0' && bare !== '::') return new Set([bare]);
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address.toLowerCase()));
  return new Set(addresses);
}
