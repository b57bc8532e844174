import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder, type SiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { runMain } from '../support/temp-site.js';

// What archives bring that a page shows (free-text bylines, params, page-bundle
// files, front-matter URLs): after each edit, a watch rebuild equals a fresh build.

const now = new Date('2026-11-30T00:00:00Z');
let site: FixtureCopy;
afterEach(() => site?.cleanup());

async function builderFor(outDir: string, search: boolean): Promise<SiteBuilder> {
  const { config } = await loadConfig(`${site.root}/site.config.json`);
  return createSiteBuilder({ root: site.root, config: { ...config, outDir, search: { ...config.search, enabled: search } }, now, logger: silentLogger });
}

const survey = 'content/posts/river-crossing-survey/index.md';
const ferry = 'content/posts/ferry-timetable-changes.md';
const steps: [string, (s: FixtureCopy) => string[]][] = [
  ['rename a free-text author in one post', (s) => (s.edit(ferry, (t) => t.replace('Author: Lena Vogt', 'Author: Lena M. Vogt')), [ferry])],
  ['link a byline to a web page', (s) => (s.edit(survey, (t) => t.replace('"Tariq Haddad"', '"[Tariq Haddad](https://tariq.example.org/)"')), [survey])],
  ['change a kept param', (s) => (s.edit(survey, (t) => t.replace('series = "Rivers"', 'series = "Bridges"')), [survey])],
  ['add a file to a page bundle', (s) => (s.write('content/posts/river-crossing-survey/map.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'), ['content/posts/river-crossing-survey/map.svg'])],
  ['remove a file from a page bundle', (s) => (s.remove('content/posts/river-crossing-survey/answers.csv'), ['content/posts/river-crossing-survey/answers.csv'])],
  ['change a front-matter URL', (s) => (s.edit(ferry, (t) => t.replace('url: /news/ferry-timetables/', 'url: /news/ferries/')), [ferry])],
];

describe('incremental rebuilds of an archive', () => {
  it.each([true, false])('match a fresh full build after every step (search %s)', async (search) => {
    site = copyFixture('archive-hugo');
    const builder = await builderFor('dist', search);
    expect((await builder.build()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [name, step] of steps) {
      const result = await builder.build(new Set(step(site)));
      expect(result.summary, name).toBeDefined();
      const full = await (await builderFor('dist-full', search)).build();
      expect(full.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const incremental = site.snapshot('dist');
      const fresh = site.snapshot('dist-full');
      expect(Object.keys(incremental), name).toEqual(Object.keys(fresh));
      for (const file of Object.keys(fresh)) expect(incremental[file], `${name}: ${file}`).toBe(fresh[file]);
    }
    expect(site.read('dist/author/lena-m-vogt/index.html')).toContain('Lena M. Vogt');
    expect(site.read('dist/2019/04/river-crossing-survey/map.svg')).toContain('<svg');
  }, 120_000);
});

describe('warm builds of an archive', () => {
  it('parse again when the slug setting or ignoreKeys change, never serving a cached post', async () => {
    site = copyFixture('archive-eleventy');
    const build = async () =>
      (await runMain(site.root, ['build', '--now', '2026-11-30T00:00:00Z'])).stderr;
    expect(await build()).toContain("unknown field 'eleventynavigation'");
    expect(site.read('dist/sitemap.xml')).toContain('/2021/05/river-of-paperwork/');
    site.edit('site.config.json', (t) => t.replace('"timeZone"', '"slugs": "title",\n  "content": { "ignoreKeys": ["eleventyNavigation"] },\n  "timeZone"'));
    expect(await build()).not.toContain("unknown field 'eleventynavigation'");
    expect(site.read('dist/sitemap.xml')).toContain('/2021/05/a-river-of-paperwork/');
  }, 60_000);
});
