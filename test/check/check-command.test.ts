import { afterEach, describe, expect, it } from 'vitest';
import { atom, rss } from '../external-feeds/sample-feeds.js';
import { startFeedServer, xml } from '../support/feed-server.js';
import { article, copySampleSite, createTempSite, type TempSite } from '../support/temp-site.js';

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

const now = '--now=2026-11-30T12:00:00Z';

/** A small site with one of each problem `check` finds in article bodies. */
function siteWithProblems(): TempSite {
  const s = createTempSite({
    'content/static/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    'content/static/images/map.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    'content/pages/about.md': '---\ntitle: About us\nslug: about\n---\nWe report on ports.\n',
    'content/posts/ferry.md': article(
      { title: 'Ferry timetable changes', date: '2026-11-10T09:00:00Z', slug: 'ferry-timetable' },
      [
        'The winter timetable cuts two crossings a week.',
        '',
        'Earlier coverage is [no longer online](/2026/11/no-such-story/), but the',
        '[harbour report](/2026/11/harbour-report/#no-such-part) explains it.',
        '',
        '![](/images/map.svg)',
        '',
        'A [follow-up](/2026/11/port-strike/) is being written.',
      ].join('\n'),
    ),
    'content/posts/harbour.md': article({ title: 'Harbour report', date: '2026-11-09T09:00:00Z', slug: 'harbour-report' }, '## Arrivals\n\nArrivals rose.'),
    'content/posts/strike.md': article({ title: 'Port strike', date: '2026-11-11T09:00:00Z', slug: 'port-strike', draft: true }, 'Not ready.'),
  });
  sites.push(s);
  return s;
}

describe('migrant-site check', () => {
  it('reports a broken link, a missing anchor, a missing alt and a link to a draft, each at its markdown line, as four annotations', async () => {
    const s = siteWithProblems();
    const { code, stdout, stderr } = await s.main('check', now, '--format', 'github');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n').filter((l) => l.startsWith('::'))).toEqual([
      '::error file=content/posts/ferry.md,line=9,col=40,title=MS701::link to "/2026/11/no-such-story/" leads to no page or file of the site%0Ahint: correct the address, or add the page it should lead to',
      '::error file=content/posts/ferry.md,line=10,col=18,title=MS702::link to "/2026/11/harbour-report/#no-such-part": the page has no element with id "no-such-part"%0Ahint: link to an id the page has (a heading\'s id comes from its text)',
      '::error file=content/posts/ferry.md,line=12,col=5,title=MS704::image "/images/map.svg" has no alt text%0Ahint: describe the image: ![what it shows](src) in markdown, alt="…" in a template',
      '::error file=content/posts/ferry.md,line=14,col=15,title=MS703::link to "/2026/11/port-strike/", an article that is a draft (content/posts/strike.md)%0Ahint: remove the link, or publish the article first',
    ]);
    expect(stderr).toContain('content/posts/ferry.md:9:40 error MS701');
    expect(stderr).toContain('4 errors, 0 warnings');
    expect(s.exists('dist')).toBe(false);
  });

  it('prints one JSON report with --format json', async () => {
    const s = siteWithProblems();
    const { code, stdout } = await s.main('check', now, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; errors: number; diagnostics: { code: string; file: string; line: number }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`).sort()).toEqual([
      'MS701 content/posts/ferry.md:9',
      'MS702 content/posts/ferry.md:10',
      'MS703 content/posts/ferry.md:14',
      'MS704 content/posts/ferry.md:12',
    ]);
  });

  it('places problems the theme makes in the output page, and fails on warnings with --strict', async () => {
    const s = createTempSite({ 'content/posts/a.md': article({ title: 'Quiet week', date: '2026-11-10' }, 'Nothing happened.') });
    sites.push(s);
    s.write('templates/partials/head-extra.hbs', '<h2></h2>');
    const { code, stderr } = await s.main('check', now, '--strict');
    expect(code).toBe(1);
    // The theme links to /about/ and /favicon.svg, which this site lacks.
    expect(stderr).toMatch(/^dist\/index\.html:\d+:\d+ error MS701 link to "\/about\/"/m);
    expect(stderr).toMatch(/^dist\/2026\/11\/a\/index\.html:\d+:1 warning MS705 empty <h2> heading/m);
  });

  it('reports every content problem at once and checks nothing else', async () => {
    const s = createTempSite({
      'content/posts/a.md': '---\ntitle: A\ndate: not a date\n---\nx\n',
      'content/posts/b.md': '---\ndate: 2026-11-01\n---\nx\n',
    });
    sites.push(s);
    const { code, stderr } = await s.main('check', now);
    expect(code).toBe(1);
    expect(stderr).toMatch(/content\/posts\/a\.md:3:\d+ error MS201/);
    expect(stderr).toMatch(/content\/posts\/b\.md:\d+:\d+ error MS209/);
    expect(stderr).toContain('content errors stopped the build; the built site was not checked');
  });

  it('runs clean on the sample site: no problems in the built site, exit 0, no output folder written', async () => {
    const s = createTempSite({});
    sites.push(s);
    copySampleSite(s.root);
    // The site's external feeds, served from here: the pages are checked with their feed widgets, and the
    // check neither depends on the network nor waits for it to fail (seconds where there is none).
    const feeds = await startFeedServer({ '/rss.xml': xml(rss()), '/atom.xml': xml(atom) });
    try {
      const config = JSON.parse(s.read('site.config.json')) as { externalFeeds: { feeds: Record<string, { url: string }> } };
      Object.values(config.externalFeeds.feeds).forEach((feed, i) => (feed.url = `${feeds.origin}/${i % 2 === 0 ? 'rss' : 'atom'}.xml`));
      s.write('site.config.json', JSON.stringify(config));
      const { code, stdout, stderr } = await s.main('check', now);
      expect(stderr).not.toContain('MS504');
      expect(feeds.requests.length).toBe(Object.keys(config.externalFeeds.feeds).length);
      expect(code).toBe(0);
      expect(stderr).not.toMatch(/MS7\d\d/);
      expect(`${stdout}${stderr}`).toMatch(/checked \d+ pages and \d+ feeds and sitemaps: 0 errors/);
      expect(s.exists('dist')).toBe(false);
    } finally {
      await feeds.close();
    }
  });
});
