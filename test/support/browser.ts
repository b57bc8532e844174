import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { createStaticServer } from '../../src/dev/create-static-server.js';
import { repoRoot } from './temp-site.js';

export const chromiumPath = '/usr/bin/chromium';
/** Debian's chromium; .ci/run installs it. */
export const hasChromium = existsSync(chromiumPath);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The repository's own site built under https://example.org/news/ into a temp
 * folder and served by the project's server (with the site's `_headers`), on a free port.
 */
export async function serveSampleSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const out = mkdtempSync(join(tmpdir(), 'migrant-site-browser-'));
  const site = join(out, 'site');
  const args = ['build', '--config', join(repoRoot, 'site.config.json'), '--out', site, '--base-url', 'https://example.org/news/', '--now', '2026-11-28T12:00:00Z', '--offline', '-q'];
  await promisify(execFile)(process.execPath, [join(repoRoot, 'bin', 'migrant-site.js'), ...args], { cwd: repoRoot });
  const server = createStaticServer({ dir: site, basePath: '/news/', host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(out, { recursive: true, force: true });
    },
  };
}
