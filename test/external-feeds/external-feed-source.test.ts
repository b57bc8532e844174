import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExternalFeedSource } from '../../src/external-feeds/create-external-feed-source.js';
import { silentLogger } from '../../src/log.js';
import { startFeedServer, xml, type FeedServer } from '../support/feed-server.js';
import { rss } from './sample-feeds.js';

// serve --watch asks the source on every rebuild; the network sees at most one fetch per refresh interval.

let server: FeedServer;
let cacheDir: string;
beforeAll(async () => {
  server = await startFeedServer({ '/rss.xml': xml(rss()) });
  cacheDir = mkdtempSync(join(tmpdir(), 'migrant-feed-cache-'));
});
afterAll(async () => {
  await server.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const options = (feeds: Record<string, { url: string; limit: number }>) => ({
  config: { refreshMinutes: 15, timeoutSeconds: 30, maxBytes: 100_000, feeds },
  cacheDir,
  userAgent: 'migrant-site/test',
  offline: false,
  strict: false,
  logger: silentLogger,
});

describe('createExternalFeedSource', () => {
  it('fetches again only once the refresh interval has passed', async () => {
    let clock = 0;
    const source = createExternalFeedSource(options({ wire: { url: `${server.origin}/rss.xml`, limit: 2 } }), () => clock);
    const fetches = () => server.requests.filter((r) => r.path === '/rss.xml').length;

    const first = await source.load();
    expect(first.diagnostics).toEqual([]);
    expect(first.feeds.wire.items.map((i) => i.title)).toEqual(['Coastguard logs fewer winter crossings', 'Ferry strike & the island economy']);
    expect(fetches()).toBe(1);

    clock += 14 * 60_000;
    expect(await source.load()).toBe(first);
    expect(fetches()).toBe(1);

    clock += 60_000;
    server.routes.set('/rss.xml', xml(rss('Later headline')));
    const refreshed = await source.load();
    expect(fetches()).toBe(2);
    expect(refreshed.feeds.wire.items[0].title).toBe('Later headline');
  });

  it('does nothing at all for a site without feeds', async () => {
    const before = server.requests.length;
    expect(await createExternalFeedSource(options({})).load()).toEqual({ feeds: {}, diagnostics: [] });
    expect(server.requests.length).toBe(before);
  });
});
