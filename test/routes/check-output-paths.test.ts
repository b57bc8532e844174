import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { checkOutputPaths } from '../../src/routes/check-output-paths.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

describe('checkOutputPaths', () => {
  it('reports a path that is both a file and a folder, naming both sources', () => {
    const problems = checkOutputPaths([
      { outputPath: 'feed.xml', origin: 'rss feed' },
      { outputPath: 'feed.xml/index.html', origin: 'content/pages/feed.md' },
      { outputPath: 'pagefind/', origin: 'search index (/pagefind/)' },
      { outputPath: 'pagefind/index.html', origin: 'content/pages/pagefind.md' },
      { outputPath: 'about/index.html', origin: 'content/pages/about.md' },
    ]);
    expect(problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['MS302', 'content/pages/feed.md', 'feed.xml would be both a file and a folder (for feed.xml/index.html): rss feed, content/pages/feed.md'],
      ['MS302', 'content/pages/pagefind.md', 'pagefind/ would be both a file and a folder (for pagefind/index.html): search index (/pagefind/), content/pages/pagefind.md'],
    ]);
  });
});

// Issue 11, item 12: these failed late, as "check disk space", naming no source.
describe('URL claims in a build', () => {
  let site: TempSite;
  afterEach(() => site?.remove());
  const build = async () => {
    const { config } = await loadConfig(`${site.root}/site.config.json`);
    return createSiteBuilder({ root: site.root, config, now: new Date('2026-01-01T00:00:00Z'), logger: silentLogger }).build();
  };

  it.each([
    ['a page slug feed.xml', { 'content/pages/feed.md': '---\ntitle: Feed\nslug: feed.xml\n---\nText.\n' }, 'content/pages/feed.md', /feed\.xml would be both a file and a folder .*content\/pages\/feed\.md/],
    ['an alias /_redirects', { 'content/posts/a.md': article({ title: 'A', date: '2025-01-01', author: 'desk', aliases: ['/_redirects', '/old-a'] }) }, 'content/posts/a.md', /_redirects would be both a file and a folder .*redirects file, alias of content\/posts\/a\.md/],
  ])('stops %s before rendering, naming every source', async (_name, files, file, message) => {
    site = createTempSite({ 'content/authors/desk.md': '---\nname: Desk\n---\n', ...files }, { config: { search: { enabled: false } } });
    const result = await build();
    expect(result.summary).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.code === 'MS302').map((d) => [d.file, d.message])).toEqual([[file, expect.stringMatching(message)]]);
    expect(result.timings.render).toBeUndefined();
    expect(site.exists('dist')).toBe(false);
  });
});
