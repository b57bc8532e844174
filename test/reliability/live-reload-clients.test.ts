import { createServer, request, type ClientRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveReload, maxLiveClients, type LiveReload } from '../../src/dev/live-reload.js';
import { waitFor } from './processes.js';

// Dev-server rule 4: the live-reload channel caps its clients and reaps dead ones.

interface Client {
  req: ClientRequest;
  status: Promise<number>;
  received(): string;
}

let server: Server;
let live: LiveReload;
/** The server side of each accepted stream, in connection order. */
let streams: ServerResponse[];

async function listen(): Promise<number> {
  live = createLiveReload();
  streams = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    live.connect(req, res);
    if (res.statusCode === 200) streams.push(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

function connect(port: number): Client {
  let text = '';
  let req!: ClientRequest;
  const status = new Promise<number>((resolve, reject) => {
    // agent: false gives every page its own socket, as separate tabs have.
    req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('error', () => {});
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
  return { req, status, received: () => text };
}

afterEach(async () => {
  live.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('dev-server rule 4: live-reload clients', () => {
  it(`accepts ${maxLiveClients} pages, refuses the next with 503, and takes one again once a page has gone`, async () => {
    const port = await listen();
    const accepted = Array.from({ length: maxLiveClients }, () => connect(port));
    expect(new Set(await Promise.all(accepted.map((c) => c.status)))).toEqual(new Set([200]));
    expect(live.clients()).toBe(maxLiveClients);

    const excess = [connect(port), connect(port)];
    expect(await Promise.all(excess.map((c) => c.status))).toEqual([503, 503]);
    expect(live.clients()).toBe(maxLiveClients);

    accepted[0].req.destroy();
    await waitFor(() => live.clients() === maxLiveClients - 1, 'the closed page to be reaped');
    const late = connect(port);
    expect(await late.status).toBe(200);
    expect(live.clients()).toBe(maxLiveClients);
  });

  it('drops a page whose socket closes and never writes to it again', async () => {
    const port = await listen();
    const pages = [connect(port), connect(port), connect(port)];
    await Promise.all(pages.map((c) => c.status));
    await waitFor(() => streams.length === 3, 'three streams on the server');
    const [gone, ...open] = pages;
    const goneStream = streams[0];
    const writesToGone = vi.spyOn(goneStream, 'write');

    gone.req.destroy();
    await waitFor(() => live.clients() === 2, 'the closed page to be reaped');
    live.buildSucceeded(['/news/a/']);
    await waitFor(() => open.every((c) => c.received().includes('"type":"reload"')), 'the open pages to get the reload');

    expect(writesToGone).not.toHaveBeenCalled();
    expect(open.map((c) => c.received())).toEqual(open.map(() => 'retry: 1000\n\ndata: {"type":"reload","urls":["/news/a/"]}\n\n'));
  });
});
