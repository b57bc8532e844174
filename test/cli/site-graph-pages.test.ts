import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { problemsIn, runMain } from '../support/temp-site.js';

// The graph as readers see it: term pages, the category tree, related posts,
// curated widgets; and the inspection commands.
let site: FixtureCopy;
const run = (...args: string[]) => runMain(site.root, [...args, '--now', '2024-11-10T12:00:00Z']);

beforeAll(async () => {
  site = copyFixture('newsroom');
  const result = await run('build');
  expect(problemsIn(result.stderr)).toEqual([]);
}, 60_000);
afterAll(() => site.cleanup());

describe('site graph in the built pages', () => {
  it('lists a tag\'s articles newest first, paginated', () => {
    const tag = site.read('dist/tag/sea-crossings/index.html');
    const titles = [...tag.matchAll(/<h3 class="card__title"><a [^>]*href="\/news\/2024\/[^"]+"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles).toEqual(['A new route to Crete', 'Arrivals rise on Lesbos', 'Rescue off Lampedusa']);
    expect(tag).toContain('href="/news/tag/sea-crossings/page/2/"');
    expect(site.read('dist/tag/sea-crossings/page/2/index.html')).toContain('Counting deaths at sea');
  });

  it('shows a parent category with its children\'s articles and links to the children', () => {
    const europe = site.read('dist/category/europe/index.html');
    expect(europe).toContain('The European Union and its neighbours.');
    expect(europe).toContain('href="/news/category/greece/"');
    expect(europe).toContain('href="/news/category/italy/"');
    expect(europe).toContain('A new route to Crete');
    const greece = site.read('dist/category/greece/index.html');
    expect(greece).toContain('href="/news/category/europe/"');
  });

  it('gives an article its breadcrumb through the category chain, its tags and related posts', () => {
    const page = site.read('dist/2024/11/lesbos-arrivals/index.html');
    const crumbs = page.slice(page.indexOf('<nav class="breadcrumb"'), page.indexOf('</nav>', page.indexOf('<nav class="breadcrumb"')));
    expect([...crumbs.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/news/', '/news/category/europe/', '/news/category/greece/']);
    expect(page).toContain('href="/news/tag/asylum/"');
    const related = page.slice(page.indexOf('Related Posts'));
    expect(related).toContain('A new route to Crete');
    expect(related).not.toContain('Unfinished draft');
    expect(related).not.toContain('Embargoed report');
  });

  it('fills the widgets from the curated lists in config, most viewed first', () => {
    const evros = site.read('dist/2024/09/evros-fence/index.html');
    const trending = evros.slice(evros.indexOf('id="trending-label"'), evros.indexOf('</ul>', evros.indexOf('id="trending-label"')));
    expect(storyLinks(trending)).toEqual(['/news/2024/11/lesbos-arrivals/', '/news/2024/10/data-deaths-at-sea/', '/news/2024/11/crete-route/']);
  });

  it('links no page to itself from its widgets, and shows a story once per page', () => {
    const pages = ['dist/index.html', ...Object.keys(site.snapshot('dist/2024')).filter((f) => f.endsWith('/index.html')).map((f) => `dist/2024/${f}`)];
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      // The "Read More" link repeats its card's headline link.
      const links = storyLinks(site.read(path).replace(/<a class="read-more[^>]*>/g, ''));
      expect({ path, twice: links.filter((href, i) => links.indexOf(href) !== i) }).toEqual({ path, twice: [] });
      expect(links).not.toContain(`/news/${path.slice('dist/'.length).replace(/index\.html$/, '')}`);
    }
  });

  it('has index pages for tags, categories and authors', () => {
    expect(site.read('dist/tags/index.html')).toContain('href="/news/tag/asylum/"');
    expect(site.read('dist/categories/index.html')).toContain('href="/news/category/europe/"');
    const author = site.read('dist/author/ana-reyes/index.html');
    expect(author).toContain('Ana Reyes');
    expect(author).toContain('Europe correspondent');
    expect(author).toContain('Ana reports from Athens');
  });
});

describe('inspection commands', () => {
  it('explains related posts with each index\'s contribution', async () => {
    const result = await run('explain', 'related', 'lesbos-arrivals');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Arrivals rise on Lesbos (content/posts/lesbos-arrivals.md)');
    expect(result.stdout).toContain('config: limit 5, threshold 0.1');
    expect(result.stdout).toMatch(/^\* +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +A new route to Crete \[sea crossings/m);
    expect((await run('explain', 'related', 'no-such-article')).code).toBe(2);
  });

  it('prints the graph as JSON and DOT', async () => {
    const json = JSON.parse((await run('graph')).stdout);
    expect(json.articles.find((a: { url: string }) => a.url === '/2024/11/lesbos-arrivals/').related).toContain('/2024/11/crete-route/');
    expect(json.findings.tagsUsedOnce).toEqual(expect.arrayContaining(['smuggling', 'visas']));
    expect(json.findings.tagsUsedOnce).not.toContain('asylum');
    const dot = await run('graph', '--format', 'dot');
    expect(dot.stdout).toMatch(/^digraph site \{/);
  });
});

/** Links to articles, in page order. */
function storyLinks(html: string): string[] {
  return [...html.matchAll(/<a (?:class="[^"]*" )?href="(\/news\/\d{4}\/[^"]+)"/g)].map((m) => m[1]);
}
