import type { IncomingMessage, ServerResponse } from 'node:http';

// Server → browser only, over server-sent events. Messages carry changed URLs
// or a formatted error, never file contents. Each kind says what happened, so
// a page never mistakes one event for another: only a successful build
// ("fixed") clears an error, and a search index refreshed later does not.

export type LiveMessage =
  /** Pages or scripts changed: a page reloads if it is one of them or runs one. */
  | { type: 'reload'; urls: string[] }
  /** Only stylesheets changed: pages swap them without reloading. */
  | { type: 'styles'; urls: string[] }
  /** The search index was remade (after a good build); its files changed. */
  | { type: 'search'; urls: string[] }
  | { type: 'error'; text: string }
  /** A build succeeded after a failed one. */
  | { type: 'fixed' };

export interface LiveReload {
  /** Handles the event stream request; a page that connects while the build is broken gets the error at once. */
  connect(req: IncomingMessage, res: ServerResponse): void;
  /** A (re)build failed: pages show the error until a build succeeds. */
  buildFailed(text: string): void;
  /** A (re)build succeeded and changed these URLs. */
  buildSucceeded(changedUrls: string[]): void;
  /** The search index was remade; ignored while the last build failed (the refresh should not have run). */
  searchRefreshed(changedUrls: string[]): void;
  /** The error pages show now, if the last build failed. */
  currentError(): string | undefined;
  clients(): number;
  close(): void;
}

/** Pages connected at once; more are refused (503) so a runaway tab loop cannot exhaust sockets. */
export const maxLiveClients = 64;

export function createLiveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  let lastError: string | undefined;
  const write = (res: ServerResponse, message: LiveMessage) => res.write(`data: ${JSON.stringify(message)}\n\n`);
  const send = (message: LiveMessage) => {
    for (const res of clients) write(res, message);
  };
  // Comments keep proxies from closing idle streams and reveal dead sockets.
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    connect(req, res) {
      if (clients.size >= maxLiveClients) {
        res.writeHead(503, { 'Retry-After': '5' }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      clients.add(res);
      if (lastError !== undefined) write(res, { type: 'error', text: lastError });
      const drop = () => clients.delete(res);
      req.on('close', drop);
      res.on('error', drop);
    },
    buildFailed(text) {
      lastError = text;
      send({ type: 'error', text });
    },
    buildSucceeded(changedUrls) {
      if (lastError !== undefined) send({ type: 'fixed' });
      lastError = undefined;
      const styles = changedUrls.filter((url) => url.endsWith('.css'));
      const others = changedUrls.filter((url) => !url.endsWith('.css'));
      if (others.length > 0) send({ type: 'reload', urls: others });
      if (styles.length > 0) send({ type: 'styles', urls: styles });
    },
    searchRefreshed(changedUrls) {
      if (lastError === undefined && changedUrls.length > 0) send({ type: 'search', urls: changedUrls });
    },
    currentError: () => lastError,
    clients: () => clients.size,
    close() {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
