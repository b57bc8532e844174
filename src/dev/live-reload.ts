import type { IncomingMessage, ServerResponse } from 'node:http';

// Server → browser only, over server-sent events. Messages carry changed URLs
// or a formatted error, never file contents.

export type LiveMessage = { type: 'reload'; urls: string[] } | { type: 'error'; text: string } | { type: 'ok' };

export interface LiveReload {
  /** Handles the event stream request. */
  connect(req: IncomingMessage, res: ServerResponse): void;
  send(message: LiveMessage): void;
  /** The last error, so a page opened while the build is broken shows it at once. */
  current(): LiveMessage | undefined;
  clients(): number;
  close(): void;
}

const maxClients = 64;

export function createLiveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  let lastError: LiveMessage | undefined;
  const write = (res: ServerResponse, message: LiveMessage) => res.write(`data: ${JSON.stringify(message)}\n\n`);
  // Comments keep proxies from closing idle streams and reveal dead sockets.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    connect(req, res) {
      if (clients.size >= maxClients) {
        res.writeHead(503, { 'Retry-After': '5' }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      clients.add(res);
      if (lastError) write(res, lastError);
      const drop = () => clients.delete(res);
      req.on('close', drop);
      res.on('error', drop);
    },
    send(message) {
      lastError = message.type === 'error' ? message : undefined;
      for (const res of clients) write(res, message);
    },
    current: () => lastError,
    clients: () => clients.size,
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
