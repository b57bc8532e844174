import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { createStaticServer } from '../../src/dev/create-static-server.js';
import { builtMarker, failedMarker } from '../browser/sample-site.setup.js';

/**
 * Debian's Chromium headless shell (.ci/run installs it), else the full
 * browser. Both are the same Blink; the shell leaves out the browser's UI
 * layers, and the browser project cost 84/90 CPU-seconds with it against
 * 128/126 with the full browser (same sitting, alternating).
 */
const candidates = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
export const chromiumPath = candidates.find((path) => existsSync(path)) ?? candidates[0];
export const hasChromium = existsSync(chromiumPath);

export const chromiumOptions = {
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** What a test file does with Chromium: contexts and pages of its own, closed together by close(). */
export interface ChromiumSession {
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Closes this session's contexts; the worker's Chromium stays for its next file. */
  close(): Promise<void>;
}

/**
 * One Chromium per test worker, launched by the worker's first browser file and
 * reused by its next ones (the project's files share workers: isolate: false).
 * Launched here, playwright drives it from this process over a pipe: one
 * Chromium shared by the whole project through playwright's server in the
 * vitest main process relayed every message over a WebSocket, and the project
 * cost 88–92 CPU-seconds against 81–83 with one per worker. Playwright kills
 * what it launched when the worker exits, and Chromium exits when its pipe closes.
 */
let chromiumOfThisWorker: Promise<Browser> | undefined;

export function openChromium(): ChromiumSession {
  const contexts: BrowserContext[] = [];
  const newContext = async (options?: BrowserContextOptions) => {
    chromiumOfThisWorker ??= chromium.launch(chromiumOptions);
    const context = await (await chromiumOfThisWorker).newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    newContext,
    newPage: async (options) => (await newContext(options)).newPage(),
    close: async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
  };
}

/**
 * The folder of the repository's own site, built once under
 * https://example.org/news/ by the browser project's global setup
 * (test/browser/sample-site.setup.ts), once that build has ended.
 */
export async function sampleSiteDir(): Promise<string> {
  const dir = inject('sampleSite');
  // Under the hooks' limits (120 s and more), so that a build that never ends is named as such.
  const limit = Date.now() + 100_000;
  while (!existsSync(builtMarker(dir))) {
    if (existsSync(failedMarker(dir))) throw new Error(readFileSync(failedMarker(dir), 'utf8'));
    if (Date.now() > limit) throw new Error(`the sample site was not built into ${dir} within 100 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return dir;
}

/** The sample site (sampleSiteDir()), served by the project's server (with the site's `_headers`) on a free port. */
export async function serveSampleSite(): Promise<{ origin: string; dir: string; close(): Promise<void> }> {
  const dir = await sampleSiteDir();
  const server = createStaticServer({ dir, basePath: '/news/', host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dir,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
