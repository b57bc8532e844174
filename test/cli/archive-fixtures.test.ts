import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { findTemplateSyntax } from '../support/template-syntax.js';
import { runMain } from '../support/temp-site.js';

// Three small archives written the way Jekyll, Hugo and Eleventy blogs are,
// copied into content/posts/ of a site with a four-line config: each builds
// with zero errors, and readers find the old addresses, the bylines and the pictures.

const origins = ['jekyll', 'hugo', 'eleventy'] as const;
const sites = {} as Record<(typeof origins)[number], FixtureCopy>;
const outputs = {} as Record<(typeof origins)[number], { code: number; stderr: string }>;

const build = (site: FixtureCopy): Promise<{ code: number; stderr: string }> => runMain(site.root, ['build', '--now', '2026-11-30T00:00:00Z']);

beforeAll(async () => {
  for (const origin of origins) {
    sites[origin] = copyFixture(`archive-${origin}`);
    outputs[origin] = await build(sites[origin]);
  }
}, 120_000);
afterAll(() => origins.forEach((o) => sites[o]?.cleanup()));

const page = (origin: (typeof origins)[number], url: string) => sites[origin].read(`dist${url}${url.endsWith('/') ? 'index.html' : ''}`);
const has = (origin: (typeof origins)[number], path: string) => existsSync(join(sites[origin].root, 'dist', path));

// Where each published post lived on its old site: the slug the generator made from
// the file name, or the whole URL its front matter set.
const oldAddresses: Record<(typeof origins)[number], { slug?: string; url?: string }[]> = {
  jekyll: [{ slug: 'harbour-shelter-opens' }, { url: '/clinic/2016/winter-clinic/' }, { slug: 'volunteer-drive' }, { slug: 'data-release' }, { slug: 'Port-Notes' }],
  hugo: [{ slug: 'river-crossing-survey' }, { url: '/news/ferry-timetables/' }, { slug: 'json-front-matter-note' }, { slug: 'summer-dispatch' }],
  eleventy: [{ slug: 'first-week-at-the-crossing' }, { url: '/blog/shelter-census/' }, { slug: 'river-of-paperwork' }, { slug: 'night-buses' }],
};

describe('archives as found', () => {
  it.each(origins)('%s: builds with zero errors', (origin) => {
    expect(outputs[origin].stderr).not.toMatch(/ error MS/);
    expect(outputs[origin].code).toBe(0);
  });

  it('keeps 97% or more of the old slugs and URLs (all of them on these fixtures)', () => {
    const all = origins.flatMap((origin) => oldAddresses[origin].map((address) => ({ origin, ...address })));
    const sitemaps = Object.fromEntries(origins.map((o) => [o, sites[o].read('dist/sitemap.xml')]));
    const kept = all.filter(({ origin, slug, url }) => (url ? has(origin, `${url.slice(1)}index.html`) : new RegExp(`/${slug}/</loc>`).test(sitemaps[origin])));
    expect(kept.length / all.length).toBeGreaterThanOrEqual(0.97);
    expect(kept).toHaveLength(13);
  });
});

describe('bodies of the archives', () => {
  it.each(origins)('%s: no page or feed shows template syntax', (origin) => {
    expect(findTemplateSyntax(join(sites[origin].root, 'dist'))).toBeUndefined();
  });

  it('Jekyll: post_url links to the migrated address, highlight is a code block, a YouTube embed stays', () => {
    const html = page('jekyll', '/2018/09/data-release/');
    expect(html).toContain('see how they were <a href="/2016/02/volunteer-drive/">recruited</a>.');
    expect(html).toContain('<pre><code class="language-python">rows = [row for row in ledger if row.month]');
    expect(html).toMatch(/<iframe src="https:\/\/www\.youtube\.com\/embed\/M7lc1UVf-VE" title="How we typed up the ledger" sandbox="[^"]+" loading="lazy"/);
  });

  it('Hugo: figure with the bundle picture, youtube and ref shortcodes', () => {
    const html = page('hugo', '/2020/07/summer-dispatch/');
    expect(html).toContain('<figure><img src="/2020/07/summer-dispatch/img/weir.svg" width="40" height="20" alt="The weir from the east bank" loading="lazy" decoding="async"><figcaption>From the east bank at dusk.</figcaption></figure>');
    expect(has('hugo', '2020/07/summer-dispatch/img/weir.svg')).toBe(true);
    expect(html).toMatch(/<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/M7lc1UVf-VE"/);
    expect(html).toContain('The ferry changes are in <a href="/news/ferry-timetables/">the timetable story</a>.');
  });

  it('Eleventy: Liquid assign and filters', () => {
    expect(page('eleventy', '/2021/06/night-buses/')).toContain('The BORDER TO CAPITAL line runs every night of the week.');
  });
});

describe('Jekyll archive', () => {
  it('reads .markdown/.mdown/.mkd/.mkdn posts, dates from file names and YAML 1.1 dates', () => {
    expect(page('jekyll', '/2015/03/harbour-shelter-opens/')).toContain('datetime="2015-03-17T18:00:00');
    expect(page('jekyll', '/2016/02/volunteer-drive/')).toContain('Sixty people signed up');
    expect(page('jekyll', '/2019/12/Port-Notes/')).toContain('The ferry office closes early');
  });

  it('shows free-text bylines (several in one string, a markdown link) and still uses an author file for the bio', () => {
    const harbour = page('jekyll', '/2015/03/harbour-shelter-opens/');
    expect(harbour).toContain('href="/author/maya-lindqvist/" rel="author" dir="auto">Maya Lindqvist');
    expect(harbour).toContain('href="/author/joel-okoro/" rel="author" dir="auto">Joel Okoro');
    expect(page('jekyll', '/author/maya-lindqvist/')).toContain('Maya has covered the port');
    expect(page('jekyll', '/author/ana-ruiz/')).toContain('href="https://anaruiz.example.org/"');
    expect(page('jekyll', '/author/joel-okoro/')).toContain('Port notes for the holidays');
  });

  it('shows the picture given as text with its image_alt, and the excerpt as standfirst', () => {
    const harbour = page('jekyll', '/2015/03/harbour-shelter-opens/');
    expect(harbour).toContain('<img src="/assets/img/harbour.svg" width="40" height="20" alt="Line drawing of the harbour shelter at dusk"');
    expect(harbour).toContain('A converted warehouse by the docks');
    expect(has('jekyll', 'assets/img/harbour.svg')).toBe(true);
  });

  it('keeps the old URLs: a permalink with placeholders, redirect_from pages', () => {
    expect(page('jekyll', '/clinic/2016/winter-clinic/')).toContain('Winter clinic sees record queues');
    expect(page('jekyll', '/news/harbour-shelter.html')).toContain('url=https://harbourwatch.example.org/2015/03/harbour-shelter-opens/');
    expect(page('jekyll', '/volunteers/')).toContain('/2016/02/volunteer-drive/');
  });

  it('reads space-separated categories and publishes nothing marked published: false', () => {
    expect(has('jekyll', 'category/news/index.html') && has('jekyll', 'category/releases/index.html')).toBe(true);
    expect(sites.jekyll.read('dist/sitemap.xml')).not.toContain('unpublished-note');
  });
});

describe('Hugo archive', () => {
  it('publishes page-bundle files beside the post, so relative pictures and links work', () => {
    const survey = page('hugo', '/2019/04/river-crossing-survey/');
    expect(survey).toContain('<img src="/2019/04/river-crossing-survey/chart.svg" width="40" height="20" alt="Chart of answers by country of origin" loading="lazy" decoding="async">');
    expect(survey).toContain('href="answers.csv"');
    expect(sites.hugo.read('dist/2019/04/river-crossing-survey/chart.svg')).toContain('<svg');
    expect(sites.hugo.read('dist/2019/04/river-crossing-survey/answers.csv')).toContain('Syria,61');
    expect(page('hugo', '/2020/07/summer-dispatch/')).toContain('<img src="/2020/07/summer-dispatch/img/weir.svg" width="40" height="20" alt="The weir seen from the camp"');
    expect(has('hugo', '2020/07/summer-dispatch/img/weir.svg')).toBe(true);
  });

  it('reads TOML and JSON front matter and case-insensitive keys', () => {
    expect(page('hugo', '/2019/04/river-crossing-survey/')).toContain('href="/author/tariq-haddad/" rel="author" dir="auto">Tariq Haddad');
    expect(page('hugo', '/2020/05/json-front-matter-note/')).toContain('Bridge counts resume after the flood');
    const ferry = page('hugo', '/news/ferry-timetables/');
    expect(ferry).toContain('Ferry timetable changes hit families');
    expect(ferry).toContain('href="/author/lena-vogt/" rel="author" dir="auto">Lena Vogt');
  });

  it('resolves relative aliases against the old folder', () => {
    const redirects = sites.hugo.read('dist/_redirects');
    expect(redirects).toContain('/posts/ferry-changes /news/ferry-timetables/ 301');
    expect(redirects).toContain('/posts/old-survey/ /2019/04/river-crossing-survey/ 301');
    expect(redirects).toContain('/2019/river-survey.html /2019/04/river-crossing-survey/ 301');
    expect(has('hugo', 'posts/old-survey/index.html')).toBe(true);
  });

  it('does not publish the section page _index.md, and says so', () => {
    expect(outputs.hugo.stderr).toContain('not published: content/posts/_index.md');
    expect(has('hugo', 'posts/index.html')).toBe(false);
  });
});

describe('Eleventy archive', () => {
  it('reads a quoted title over two unindented lines and keeps its permalink', () => {
    expect(page('eleventy', '/blog/shelter-census/')).toContain('Shelter census: how many beds, and who sleeps in them');
  });

  it('shows bylines joined with &, and the picture with its imageAlt', () => {
    const census = page('eleventy', '/blog/shelter-census/');
    expect(census).toContain('href="/author/sam-adeyemi/" rel="author" dir="auto">Sam Adeyemi');
    expect(census).toContain('href="/author/rosa-mendez/" rel="author" dir="auto">Rosa Méndez');
    expect(page('eleventy', '/2021/05/river-of-paperwork/')).toContain('<img src="/img/forms.svg" width="20" height="30" alt="A stack of asylum forms"');
  });

  it('publishes nothing for permalink: false and dates `Last Modified` from the file name with a warning', () => {
    expect(sites.eleventy.read('dist/sitemap.xml')).not.toContain('private-draft');
    expect(page('eleventy', '/2021/06/night-buses/')).toContain('datetime="2021-06-02');
    expect(outputs.eleventy.stderr).toMatch(/night-buses\.md:3:1 warning MS201/);
  });
});
