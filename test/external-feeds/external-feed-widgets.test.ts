import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolVersion } from '../../src/version.js';
import { neverFinishes, redirect, startFeedServer, status, xml, type FeedServer } from '../support/feed-server.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';
import { validateHtml } from '../support/validate-html.js';
import { atom, hostile, malformed, rdf, rss } from './sample-feeds.js';

// The whole path through the CLI, against feeds served on 127.0.0.1: what the
// footer widgets show, the one warning per failing feed, and the exit code.

let server: FeedServer;
const sites: TempSite[] = [];
const now = '--now=2026-12-01T12:00:00Z';

beforeAll(async () => {
  server = await startFeedServer({
    '/rss.xml': xml(rss(), '"v1"'),
    '/atom.xml': xml(atom),
    '/rdf.xml': xml(rdf),
    '/hostile.xml': xml(hostile),
    '/malformed.xml': xml(malformed),
    '/down.xml': status(503),
    '/huge.xml': (_req, res) => {
      // No Content-Length: the cap must hold while the body streams in.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 40; i++) res.write(`<!-- ${'x'.repeat(1000)} -->\n`);
      res.end(rss());
    },
    '/loop': redirect((origin) => `${origin}/loop`),
    '/to-localhost': redirect((origin) => origin.replace('127.0.0.1', 'localhost') + '/rss.xml'),
    '/to-private-ip': redirect(() => 'http://10.0.0.1/feed.xml'),
    '/slow.xml': neverFinishes,
  });
});
afterAll(async () => {
  sites.splice(0).forEach((s) => s.remove());
  await server.close();
});

function feedSite(feeds: Record<string, object>, options: Record<string, unknown> = {}): TempSite {
  const site = createTempSite(
    { 'content/posts/one.md': article({ title: 'Boats reach Lesbos', date: '2026-11-20' }) },
    { config: { timeZone: 'Europe/Athens', externalFeeds: { timeoutSeconds: 30, maxBytes: 8192, ...options, feeds } } },
  );
  sites.push(site);
  return site;
}

const url = (path: string) => `${server.origin}${path}`;

/** One feed's footer section on the home page, or undefined when it is left out. */
function widget(site: TempSite, name: string, dir = 'dist'): string | undefined {
  const html = site.read(`${dir}/index.html`);
  return new RegExp(`<section class="external-feed" aria-labelledby="external-feed-${name}">[\\s\\S]*?</section>`).exec(html)?.[0];
}

const feedWarnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('MS504'));

describe('external feed widgets', () => {
  const everyKind = () => ({
    harbour: { url: url('/rss.xml'), title: 'Harbour News', limit: 2 },
    labour: { url: url('/atom.xml') },
    remittances: { url: url('/rdf.xml') },
    rough: { url: url('/hostile.xml') },
    broken: { url: url('/malformed.xml') },
    down: { url: url('/down.xml') },
    huge: { url: url('/huge.xml') },
    looping: { url: url('/loop') },
    sneaky: { url: url('/to-localhost') },
    sneakyLiteral: { url: url('/to-private-ip') },
  });

  it('show RSS, Atom and RDF headlines with source and date, and leave out each failing feed with one warning', async () => {
    const site = feedSite(everyKind());
    const result = await site.main('build', now);
    expect(result.code).toBe(0);

    const harbour = widget(site, 'harbour')!;
    expect(harbour).toContain('<h2 class="kicker site-footer__title" id="external-feed-harbour">Harbour News</h2>');
    // The date in the site's zone (Athens, UTC+2), absolute, never "x hours ago".
    expect(harbour).toContain(
      '<a href="https://harbour-wire.example/2026/11/crossings" rel="noopener" dir="auto">Coastguard logs fewer winter crossings</a>\n      <span class="external-feed__meta">Harbour Wire · <time datetime="2026-12-01T01:30:00+02:00">Dec 1, 2026</time></span>',
    );
    expect(harbour).toContain('rel="noopener" dir="auto">Ferry strike &amp; the island economy</a>');
    expect(harbour).not.toContain('Third headline');
    expect(harbour).toContain('<a href="https://harbour-wire.example/" rel="noopener">More from Harbour Wire</a>');

    const labour = widget(site, 'labour')!;
    expect(labour).toContain('id="external-feed-labour">Labour &amp; Jobs Desk</h2>');
    expect(labour).toContain('<a href="https://labour-desk.example/visas" rel="noopener" dir="auto">Seasonal visas reopen for farm workers</a>');
    expect(labour).toContain('<time datetime="2026-11-28T12:00:00+02:00">Nov 28, 2026</time>');

    const remittances = widget(site, 'remittances')!;
    expect(remittances).toContain('<a href="https://remittance-notes.example/fees" rel="noopener" dir="auto">Transfer fees fall on the Gulf corridor</a>');
    expect(remittances).toContain('<time datetime="2026-11-27T08:15:00+02:00">Nov 27, 2026</time>');

    // Only the web link survives; the title is its visible text, escaped.
    const rough = widget(site, 'rough')!;
    expect(rough.match(/<li>/g)).toHaveLength(1);
    expect(rough).toContain('<a href="https://rough.example/shelter" rel="noopener" dir="auto">Shelter beds &amp; cots</a>');
    const home = site.read('dist/index.html');
    expect(home).not.toMatch(/javascript:|data:text|alert\(/);
    expect(await validateHtml(home)).toEqual([]);

    for (const name of ['broken', 'down', 'huge', 'looping', 'sneaky', 'sneakyLiteral']) expect(widget(site, name), name).toBeUndefined();
    const warnings = feedWarnings(result.stderr);
    expect(warnings).toHaveLength(6);
    const about = (name: string) => warnings.filter((w) => w.includes(`external feed "${name}" `));
    expect(about('broken')).toEqual([expect.stringContaining('not well-formed XML')]);
    expect(about('down')).toEqual([expect.stringContaining('HTTP 503')]);
    expect(about('huge')).toEqual([expect.stringContaining('larger than the 8192-byte limit')]);
    expect(about('looping')).toEqual([expect.stringContaining('more than 5 redirects')]);
    expect(about('sneaky')).toEqual([expect.stringMatching(/localhost is a private address \((127\.0\.0\.1|::1)\)/)]);
    expect(about('sneakyLiteral')).toEqual([expect.stringContaining('10.0.0.1 is a private address')]);
    for (const w of warnings) expect(w).toContain('the widget is left out');

    expect(server.requests.find((r) => r.path === '/rss.xml')?.headers['user-agent']).toBe(`migrant-site/${toolVersion} (+https://news.example.org/)`);
    // Refused before connecting: the redirect to localhost never reached this server under that name.
    expect(server.requests.filter((r) => r.headers.host?.startsWith('localhost'))).toEqual([]);
  }, 60_000);

  it('with --strict, fail with exit 1 and write nothing', async () => {
    const site = feedSite({ harbour: { url: url('/rss.xml') }, down: { url: url('/down.xml') } });
    const result = await site.main('build', now, '--strict');
    expect(result.code).toBe(1);
    expect(feedWarnings(result.stderr)).toEqual([expect.stringMatching(/error MS504 external feed "down" .*HTTP 503/)]);
    expect(site.exists('dist')).toBe(false);
  }, 60_000);

  it('give up on a feed that never finishes answering, and the build still succeeds', async () => {
    // The server never completes the body, so no timeout value can race it.
    const site = feedSite({ slow: { url: url('/slow.xml') } }, { timeoutSeconds: 1 });
    const result = await site.main('build', now);
    expect(result.code).toBe(0);
    expect(feedWarnings(result.stderr)).toEqual([expect.stringContaining('external feed "slow" (' + url('/slow.xml') + '): no complete answer within 1 s; the widget is left out')]);
    expect(site.read('dist/index.html')).not.toContain('site-footer__feeds');
  }, 60_000);

  it('revalidate with the ETag, and show the cached copy (saying how old in --verbose) when the feed is down', async () => {
    const site = feedSite({ harbour: { url: url('/rss.xml') } });
    expect((await site.main('build', now)).code).toBe(0);
    const first = widget(site, 'harbour');
    expect(site.list('.cache/migrant-site/external-feeds')).toEqual(['harbour.json']);

    const asked = server.requests.length;
    const again = await site.main('build', now, '--verbose');
    expect(again.code).toBe(0);
    expect(server.requests.slice(asked).map((r) => [r.path, r.headers['if-none-match']])).toEqual([['/rss.xml', '"v1"']]);
    expect(again.stdout).toContain('external feed "harbour": 3 headlines, not modified since the cached copy (304)');
    expect(widget(site, 'harbour')).toBe(first);

    server.routes.set('/rss-down.xml', status(500));
    const down = feedSite({ harbour: { url: url('/rss-down.xml') } });
    // The same name with another URL is another feed: its cache is not used.
    down.write('.cache/migrant-site/external-feeds/harbour.json', site.read('.cache/migrant-site/external-feeds/harbour.json'));
    expect(feedWarnings((await down.main('build', now)).stderr)).toEqual([expect.stringContaining('HTTP 500; the widget is left out')]);

    server.routes.set('/rss.xml', status(500));
    try {
      const stale = await site.main('build', now, '--verbose');
      expect(stale.code).toBe(0);
      expect(feedWarnings(stale.stderr)).toEqual([expect.stringMatching(/external feed "harbour" .*HTTP 500; showing the cached copy fetched \d+ min ago/)]);
      expect(stale.stdout).toMatch(/external feed "harbour": 3 headlines, the cached copy fetched \d+ min ago/);
      expect(widget(site, 'harbour')).toBe(first);
    } finally {
      server.routes.set('/rss.xml', xml(rss(), '"v1"'));
    }
  }, 60_000);

  it('--offline uses the cache only: widgets from a warm cache, none and one warning each from an empty one', async () => {
    const warm = feedSite({ harbour: { url: url('/rss.xml') }, labour: { url: url('/atom.xml') } });
    expect((await warm.main('build', now)).code).toBe(0);
    const online = warm.read('dist/index.html');
    const asked = server.requests.length;

    const offline = await warm.main('build', now, '--offline', '--out', 'dist-offline');
    expect(offline.code).toBe(0);
    expect(feedWarnings(offline.stderr)).toEqual([]);
    expect(warm.read('dist-offline/index.html')).toBe(online);

    const empty = feedSite({ harbour: { url: url('/rss.xml') }, labour: { url: url('/atom.xml') } });
    const cold = await empty.main('build', now, '--offline');
    expect(cold.code).toBe(0);
    expect(feedWarnings(cold.stderr).map((w) => /external feed "(\w+)"/.exec(w)?.[1])).toEqual(['harbour', 'labour']);
    expect(cold.stderr).toContain('not fetched (--offline) and there is no cached copy; the widget is left out');
    expect(empty.read('dist/index.html')).not.toContain('site-footer__feeds');
    expect((await empty.main('build', now, '--offline', '--strict')).code).toBe(1);
    expect(server.requests.length).toBe(asked);
  }, 60_000);

  it('a warm build shows changed headlines: the pages equal a cold build', async () => {
    const site = feedSite({ harbour: { url: url('/rss-live.xml') } });
    server.routes.set('/rss-live.xml', xml(rss('Morning headline'), '"a"'));
    await site.main('build', now);
    server.routes.set('/rss-live.xml', xml(rss('Evening headline'), '"b"'));
    const warm = await site.main('build', now);
    expect(warm.code).toBe(0);
    expect(widget(site, 'harbour')).toContain('Evening headline');
    await site.main('build', now, '--no-cache', '--out', 'dist-cold');
    for (const file of site.list('dist-cold')) expect(site.read(`dist/${file}`), file).toBe(site.read(`dist-cold/${file}`));
  }, 60_000);
});
