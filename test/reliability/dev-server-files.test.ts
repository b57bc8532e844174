import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../src/dev/create-static-server.js';
import { replaceBuiltin } from '../support/replace-builtin.js';

// Issue 11 items 18–20. The machine's addresses are fixed here so the Host
// rule is tested the same way on every machine.
const lan = { address: '192.0.2.77', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.77/24' } as const;
let restore: () => void;

let dir: string;
const servers: Server[] = [];

async function serve(host: string): Promise<number> {
  const server = createStaticServer({ dir: join(dir, 'site'), basePath: '/', host });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

beforeAll(() => {
  restore = replaceBuiltin(os, 'networkInterfaces', (original) => () => ({ lo: original().lo ?? [], eth0: [lan] }));
  dir = mkdtempSync(join(tmpdir(), 'serve-files-'));
  const files: Record<string, string> = {
    'site/index.html': '<html><body>home</body></html>',
    'site/404.html': '<html><body>missing page</body></html>',
    'site/.env': 'SECRET=1',
    'site/notes.txt': 'plain text',
    'passwd': 'root:x:0:0',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(dir, 'passwd'), join(dir, 'site/leak.txt'));
  symlinkSync(join(dir, 'passwd'), join(dir, 'site/leak.css'));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  rmSync(dir, { recursive: true, force: true });
  restore();
});

function get(port: number, path: string, host = `localhost:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dev server: every file is checked once, whatever its type', () => {
  it.each(['/%252eenv', '/%2eenv', '/.env', '/%252e%252e/passwd', '/%25252eenv'])('decodes %s exactly once and never serves the dotfile', async (path) => {
    const port = await serve('127.0.0.1');
    const res = await get(port, path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('root:x');
  });

  it.each(['/leak.txt', '/leak.css'])('refuses %s, a link in the output folder to a file outside it', async (path) => {
    const port = await serve('127.0.0.1');
    const res = await get(port, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('root:x');
  });

  it('still serves ordinary non-HTML files', async () => {
    const port = await serve('127.0.0.1');
    expect(await get(port, '/notes.txt')).toEqual({ status: 200, body: 'plain text' });
  });
});

describe('dev server: Host check when bound to every interface', () => {
  it("lets clients reach it by one of the machine's own addresses", async () => {
    const port = await serve('0.0.0.0');
    expect((await get(port, '/', `192.0.2.77:${port}`)).status).toBe(200);
  });

  it('still refuses any other host name (DNS rebinding)', async () => {
    const port = await serve('0.0.0.0');
    expect((await get(port, '/', `evil.example:${port}`)).status).toBe(403);
    expect((await get(port, '/', `192.0.2.78:${port}`)).status).toBe(403);
  });

  it('allows only the bound address when bound to one', async () => {
    const port = await serve('127.0.0.1');
    expect((await get(port, '/', `192.0.2.77:${port}`)).status).toBe(403);
  });
});
