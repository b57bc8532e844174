import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local HTTP server for external-feed tests: 127.0.0.1, a free port, one
// handler per path (changeable between builds), and a log of what was asked.

export type FeedHandler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

export interface FeedServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  routes: Map<string, FeedHandler>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, FeedHandler>): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: FeedServer['requests'] = [];
  let origin = '';
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const handler = table.get(req.url ?? '');
    if (handler) handler(req, res, origin);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes: table,
    requests,
    close: () =>
      new Promise<void>((done) => {
        // Ends the responses a slow handler is holding open, then the server.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Answers with an XML body, honouring If-None-Match when an ETag is given. */
export function xml(body: string, etag?: string): FeedHandler {
  return (req, res) => {
    if (etag && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', ...(etag ? { etag } : {}) }).end(body);
  };
}

export function status(code: number): FeedHandler {
  return (_req, res) => void res.writeHead(code).end('unavailable');
}

export function redirect(to: (origin: string) => string): FeedHandler {
  return (_req, res, origin) => void res.writeHead(302, { location: to(origin) }).end();
}

/** Sends the headers, then never finishes: the build must give up by itself. */
export const neverFinishes: FeedHandler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
};
