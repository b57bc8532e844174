import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder, type SiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// What a body shows through its templates depends on more than its own file:
// shortcode partials, data files and the URLs of the posts it links. After
// each change to one of them, a rebuild shows it and equals a fresh build.

const now = new Date('2026-11-30T12:00:00Z');
let site: FixtureCopy;
afterEach(() => site?.cleanup());

async function builderFor(outDir: string, search: boolean): Promise<SiteBuilder> {
  const { config } = await loadConfig(`${site.root}/site.config.json`);
  return createSiteBuilder({ root: site.root, config: { ...config, outDir, search: { ...config.search, enabled: search } }, now, logger: silentLogger });
}

const releaseNotes = 'dist/2019/03/field-notes-2-1-released/index.html';
const photoEssay = 'dist/2020/06/hugo-river-crossing-photo-essay/index.html';

const steps: [string, (s: FixtureCopy) => string[], () => void][] = [
  [
    'edit a shortcode partial',
    (s) => (s.edit('templates/shortcodes/note.hbs', (t) => t.replace('<aside class="note">', '<aside class="note boxed">')), ['templates/shortcodes/note.hbs']),
    () => expect(site.read(releaseNotes)).toContain('<aside class="note boxed"><strong>Check the checksum</strong>'),
  ],
  [
    'edit a data file',
    (s) => (s.edit('content/data/releases.yml', (t) => t.replace('3f1c9a7e', 'deadbeef')), ['content/data/releases.yml']),
    () => expect(site.read(releaseNotes)).toContain('<code>deadbeef0b2d4c6f'),
  ],
  [
    'change the slug (so the URL) of a linked post',
    (s) => (s.edit('content/posts/2019-03-04-field-notes-2-1-released.md', (t) => t.replace('title: Field notes 2.1 released', 'title: Field notes 2.1 released\nslug: field-notes-2-1-is-out')), ['content/posts/2019-03-04-field-notes-2-1-released.md']),
    () => expect(site.read(photoEssay)).toContain('<a href="/blog/2019/03/field-notes-2-1-is-out/">release notes</a>'),
  ],
  [
    'edit a body that uses shortcodes',
    (s) => (s.edit('content/posts/hugo-river-crossing-photo-essay.md', (t) => t.replace('The river *decides*', 'The river *alone decides*')), ['content/posts/hugo-river-crossing-photo-essay.md']),
    () => expect(site.read(photoEssay)).toContain('<p>The river <em>alone decides</em> when you cross.</p><footer>A ferryman</footer>'),
  ],
];

describe('rebuilds of bodies with templates', () => {
  it.each([true, false])('show each change and equal a fresh build (search %s)', async (search) => {
    site = copyFixture('archive-bodies');
    const builder = await builderFor('dist', search);
    expect((await builder.build()).diagnostics).toEqual([]);
    for (const [name, step, check] of steps) {
      const result = await builder.build(new Set(step(site)));
      expect(result.diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
      check();
      await (await builderFor('dist-full', search)).build();
      expect(site.snapshot('dist'), name).toEqual(site.snapshot('dist-full'));
    }
  }, 240_000);

  it('warns at the tag for a link to a missing post and a shortcode with no partial, showing neither', async () => {
    site = copyFixture('archive-bodies');
    site.write(
      'content/posts/broken-links.md',
      '---\ntitle: Broken links\ndate: 2022-01-01\nauthor: desk\n---\nSee [gone]({% post_url 2001-01-01-gone %}).\n\n{% gallery id=3 %}\n',
    );
    const result = await (await builderFor('dist', false)).build();
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'MS244 content/posts/broken-links.md:6:12 post_url "2001-01-01-gone": no post or page has that file name; the link leads nowhere',
      'MS245 content/posts/broken-links.md:8:1 shortcode "gallery" has no template; nothing is shown in its place',
    ]);
    const html = site.read('dist/2022/01/broken-links/index.html');
    expect(html).toContain('See <a href="#">gone</a>.');
    expect(html).not.toMatch(/ms-ref|ms-shortcode|\{%/);
  });
});
