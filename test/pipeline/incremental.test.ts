import { afterEach, describe, expect, it } from 'vitest';
import { createSiteBuilder, type SiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import type { ParseCache } from '../../src/cache/parse-cache.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { memoryParseCache } from '../support/memory-parse-cache.js';

// The guard for `serve --watch`: after any sequence of edits, the output of
// incremental rebuilds equals a fresh full build, file for file.

const now = new Date('2024-11-10T12:00:00Z');
let site: FixtureCopy;
afterEach(() => {
  site?.cleanup();
  parsed = memoryParseCache();
  search = false;
  flags = {};
});

// With search off, body edits take the fast path that keeps the graph; with it on, the full rebuild.
// Off unless a test is about it: Pagefind is the slowest stage.
let search = false;
// --drafts and --future show articles (and badges) a plain build leaves out.
let flags: { drafts?: boolean; future?: boolean } = {};

async function builderFor(outDir: string, cache?: ParseCache): Promise<SiteBuilder> {
  const { config } = await loadConfig(`${site.root}/site.config.json`);
  return createSiteBuilder({ root: site.root, config: { ...config, outDir, search: { ...config.search, enabled: search } }, now, ...flags, logger: silentLogger, cache });
}

// The fresh full builds of one session share parsed files, as the parse cache of `migrant-site build` would.
let parsed = memoryParseCache();
async function expectSameAsFullBuild(): Promise<void> {
  const full = await (await builderFor('dist-full', parsed)).build();
  expect(full.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const incremental = site.snapshot('dist');
  const fresh = site.snapshot('dist-full');
  expect(Object.keys(incremental)).toEqual(Object.keys(fresh));
  for (const file of Object.keys(fresh)) expect(incremental[file], file).toBe(fresh[file]);
}

type Step = [string, (s: FixtureCopy) => string[]];

/** An edit that fails when its text is not there (a step that changed nothing would compare nothing). */
function replaceIn(s: FixtureCopy, path: string, from: string, to: string): string[] {
  s.edit(path, (t) => {
    if (!t.includes(from)) throw new Error(`${path} no longer has ${JSON.stringify(from)}`);
    return t.replace(from, to);
  });
  return [path];
}

const steps: Step[] = [
  ['edit a body', (s) => (s.edit('content/posts/samos-camp.md', (t) => t.replace('staff say.', 'staff told reporters on Tuesday.')), ['content/posts/samos-camp.md'])],
  ['edit below the summary', (s) => (s.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather opened', 'Calm weather and low winds opened')), ['content/posts/lesbos-arrivals.md'])],
  ['add a heading below the summary', (s) => (s.edit('content/posts/evros-fence.md', (t) => `${t}\n## What comes next\n\nMore work is planned.\n`), ['content/posts/evros-fence.md'])],
  ['change the tags of an old article outside every list', (s) => (s.edit('content/posts/chios-returns.md', (t) => t.replace('tags: [deportation, detention]', 'tags: [deportation, seasonal work]')), ['content/posts/chios-returns.md'])],
  // Pages that do not list the edited article change too: the tag's later pages (a card moves down) and the index of tags (a count).
  ['add a tag to a newer article: older ones move to the tag\'s later pages', (s) => replaceIn(s, 'content/posts/rome-court-ruling.md', 'tags: [detention, asylum]', 'tags: [detention, asylum, sea crossings]')],
  ['change the title of an old article', (s) => (s.edit('content/posts/athens-shelters.md', (t) => t.replace('Athens shelters fill up', 'Athens shelters are full')), ['content/posts/athens-shelters.md'])],
  ['rename a tag', (s) => (s.edit('content/posts/crete-route.md', (t) => t.replace('tags: [smuggling, sea crossings]', 'tags: [people smuggling, sea crossings]')), ['content/posts/crete-route.md'])],
  ['remove the last use of a tag', (s) => (s.edit('content/posts/lampedusa-rescue.md', (t) => t.replace('tags: [search and rescue, sea crossings]', 'tags: [sea crossings]')), ['content/posts/lampedusa-rescue.md'])],
  ['change a title shown in lists', (s) => (s.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Arrivals rise on Lesbos', 'Arrivals climb on Lesbos')), ['content/posts/lesbos-arrivals.md'])],
  ['change a category', (s) => (s.edit('content/posts/rome-court-ruling.md', (t) => t.replace('categories: [Italy]', 'categories: [Europe]')), ['content/posts/rome-court-ruling.md'])],
  ['delete an article', (s) => (s.remove('content/posts/samos-camp.md'), ['content/posts/samos-camp.md'])],
  ['rename a file and its slug', (s) => {
    s.rename('content/posts/crete-route.md', 'content/posts/crete.md');
    s.edit('content/posts/crete.md', (t) => t.replace('slug: crete-route', 'slug: crete'));
    return ['content/posts/crete-route.md', 'content/posts/crete.md'];
  }],
  ['add an article', (s) => {
    s.write('content/posts/kos.md', '---\ntitle: Kos hotspot reopens\ndate: 2024-11-09T10:00:00\nauthor: ana-reyes\ncategories: [Greece]\ntags: [asylum, refugee camps]\n---\nThe hotspot on Kos reopened after repairs.\n');
    return ['content/posts/kos.md'];
  }],
  ['edit an author', (s) => (s.edit('content/authors/tom-berg.md', (t) => t.replace('Data reporter', 'Data editor')), ['content/authors/tom-berg.md'])],
  ['move an article to another author', (s) => replaceIn(s, 'content/posts/sicily-harvest.md', 'author: ana-reyes', 'author: tom-berg')],
  ['edit a page', (s) => (s.edit('content/pages/about.md', (t) => t.replace('a test newsroom', 'a small test newsroom')), ['content/pages/about.md'])],
  ['edit a template', (s) => (s.edit('templates/layouts/post.hbs', (t) => `${t}\n<!-- edited -->\n`), ['templates/layouts/post.hbs'])],
  ['edit a partial', (s) => (s.edit('templates/partials/footer.hbs', (t) => t.replace('©', '© Fixture')), ['templates/partials/footer.hbs'])],
  ['edit a stylesheet', (s) => (s.edit('templates/assets/css/site.css', (t) => `${t}\n.x{color:red}\n`), ['templates/assets/css/site.css'])],
  ['publish a draft', (s) => (s.edit('content/posts/draft-story.md', (t) => t.replace('draft: true', 'draft: false')), ['content/posts/draft-story.md'])],
  ['make a published article a draft again', (s) => (s.edit('content/posts/lampedusa-rescue.md', (t) => t.replace('date: 2024-10-28T18:00:00', 'date: 2024-10-28T18:00:00\ndraft: true')), ['content/posts/lampedusa-rescue.md'])],
  ['move an embargo to an earlier date', (s) => (s.edit('content/posts/embargoed.md', (t) => t.replace('date: 2024-12-15T08:00:00', 'date: 2024-11-09T08:00:00')), ['content/posts/embargoed.md'])],
  ['schedule a published article', (s) => (s.edit('content/posts/rome-court-ruling.md', (t) => t.replace('date: 2024-11-06T15:30:00\nupdated: 2024-11-07T08:00:00', 'date: 2024-11-20T15:30:00')), ['content/posts/rome-court-ruling.md'])],
  ['add an Arabic translation of an article', (s) => {
    s.write('content/posts/lesbos-arrivals-ar.md', '---\ntitle: "ارتفاع عدد الوافدين إلى ليسبوس"\ndate: 2024-11-04T09:30:00\nauthor: ana-reyes\nlang: ar\ntranslationKey: lesbos-arrivals\ncategories: [Greece]\ntags: [asylum]\n---\nوصلت قوارب أكثر هذا الأسبوع.\n');
    s.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('slug: lesbos-arrivals', 'slug: lesbos-arrivals\ntranslationKey: lesbos-arrivals'));
    return ['content/posts/lesbos-arrivals-ar.md', 'content/posts/lesbos-arrivals.md'];
  }],
  ['retitle a translation: the language switcher of the article it translates', (s) => replaceIn(s, 'content/posts/lesbos-arrivals-ar.md', 'title: "ارتفاع عدد الوافدين إلى ليسبوس"', 'title: "ارتفاع أعداد الوافدين إلى ليسبوس"')],
  ['edit the Arabic words of the theme', (s) => (s.edit('templates/i18n/ar.json', (t) => t.replace('"share": "شارك"', '"share": "شارِك"')), ['templates/i18n/ar.json'])],
  ['edit the English words of the theme', (s) => (s.edit('templates/i18n/en.json', (t) => t.replace('"relatedPosts": "Related Posts"', '"relatedPosts": "Read next"')), ['templates/i18n/en.json'])],
  ['change the language of a translation', (s) => (s.edit('content/posts/lesbos-arrivals-ar.md', (t) => t.replace('lang: ar', 'lang: fa')), ['content/posts/lesbos-arrivals-ar.md'])],
  ['edit popularity data: another article leads Trending', (s) => replaceIn(s, 'content/data/popularity.json', '{ "slug": "data-deaths-at-sea", "views": 100 }', '{ "slug": "data-deaths-at-sea", "views": 100, "daily": { "2024-11-09": 5000 } }')],
];

// The steps the search variant runs. The search index is either reused (no article page changed) or
// made anew from the rendered articles (search-step.ts), so what it adds to the search-off runs of every
// step is: body edits on the full rebuild path instead of the fast one, a re-index after front matter,
// a template and the popularity data change articles, articles leaving and joining the index, and a reuse.
const searchSteps = new Set([
  'edit a body',
  'edit below the summary',
  'add a heading below the summary',
  'change the title of an old article',
  'delete an article',
  'rename a file and its slug',
  'add an article',
  'edit a page',
  'edit a template',
  'publish a draft',
  'make a published article a draft again',
  'edit popularity data: another article leads Trending',
]);

describe('incremental rebuilds', () => {
  it.each([
    { withSearch: false, drafts: false, future: false },
    // Search off: a body edit takes the fast path, a front-matter edit the general one.
    { withSearch: false, drafts: true, future: true },
    { withSearch: true, drafts: false, future: false },
  ])('match a fresh full build after every step of a scripted editing session (%o)', async ({ withSearch, ...withFlags }) => {
    search = withSearch;
    flags = withFlags;
    site = copyFixture('newsroom');
    const builder = await builderFor('dist');
    const first = await builder.build();
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const session = withSearch ? steps.filter(([name]) => searchSteps.has(name)) : steps;
    if (withSearch) expect(session.length, 'every name in searchSteps is a step').toBe(searchSteps.size);
    for (const [name, step] of session) {
      const changed = step(site);
      const result = await builder.build(new Set(changed));
      expect(result.summary, name).toBeDefined();
      // A step that changes nothing on the site would compare nothing with the full build.
      expect(result.summary!.changedUrls.length, `${name}: pages changed`).toBeGreaterThan(0);
      await expectSameAsFullBuild();
    }
  }, 300_000); // a dozen rebuilds, each compared with a fresh full build (with Pagefind): minutes on a loaded machine

  it.each([true, false])('re-renders only the article after an edit below its summary (search %s)', async (withSearch) => {
    search = withSearch;
    site = copyFixture('newsroom');
    const builder = await builderFor('dist');
    await builder.build();
    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather opened', 'Calm weather and a full moon opened'));
    const result = await builder.build(new Set(['content/posts/lesbos-arrivals.md']));
    expect(result.summary!.rendered).toBe(1);
    expect(result.summary!.reason).toBe('body of content/posts/lesbos-arrivals.md changed');
    expect(result.summary!.changedUrls).toContain('/2024/11/lesbos-arrivals/');
    expect(site.read('dist/2024/11/lesbos-arrivals/index.html')).toContain('a full moon');
  });

  it('re-renders every page when an article shown in every sidebar changes its summary', async () => {
    site = copyFixture('newsroom');
    const builder = await builderFor('dist');
    const first = await builder.build();
    site.edit('content/posts/samos-camp.md', (t) => t.replace('staff say.', 'staff said.'));
    const result = await builder.build(new Set(['content/posts/samos-camp.md']));
    expect(result.summary!.rendered).toBe(first.summary!.rendered);
  });

  it('updates both tag pages and deletes the emptied one when a tag is renamed', async () => {
    site = copyFixture('newsroom');
    const builder = await builderFor('dist');
    await builder.build();
    expect(site.read('dist/tag/smuggling/index.html')).toContain('A new route to Crete');
    site.edit('content/posts/crete-route.md', (t) => t.replace('tags: [smuggling,', 'tags: [people smuggling,'));
    const result = await builder.build(new Set(['content/posts/crete-route.md']));
    expect(result.summary!.reason).toBe('tags of content/posts/crete-route.md changed (+people smuggling −smuggling)');
    expect(result.summary!.changedUrls).toEqual(expect.arrayContaining(['/tag/people-smuggling/', '/tag/smuggling/']));
    expect(() => site.read('dist/tag/smuggling/index.html')).toThrow();
    expect(site.read('dist/tag/people-smuggling/index.html')).toContain('A new route to Crete');
  });

  it('keeps the last good output when front matter breaks, and recovers when it is fixed', async () => {
    site = copyFixture('newsroom');
    const builder = await builderFor('dist');
    await builder.build();
    const good = site.snapshot('dist');
    site.edit('content/posts/samos-camp.md', (t) => t.replace('title: Samos camp nears capacity', 'title: "Samos camp'));
    const broken = await builder.build(new Set(['content/posts/samos-camp.md']));
    expect(broken.summary).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.severity === 'error' && d.file === 'content/posts/samos-camp.md')).toBe(true);
    expect(site.snapshot('dist')).toEqual(good);
    site.edit('content/posts/samos-camp.md', (t) => t.replace('title: "Samos camp', 'title: Samos camp is full'));
    const fixed = await builder.build(new Set(['content/posts/samos-camp.md']));
    expect(fixed.summary).toBeDefined();
    await expectSameAsFullBuild();
  });
});
