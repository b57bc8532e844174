import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { classifyChange } from '../../src/dev/classify-change.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { createTempSite, type TempSite } from '../support/temp-site.js';

describe('classifyChange', () => {
  it.each([
    ['site.config.json', 'config'],
    ['content/posts/a.md', 'content'],
    ['content/static/images/a.png', 'content'],
    ['templates/layouts/post.hbs', 'template'],
    ['templates/assets/css/site.css', 'template'],
    ['dist/index.html', 'ignored'],
    ['.cache/migrant-site/x.json', 'ignored'],
    ['content/posts/.a.md.swp', 'ignored'],
    ['content/posts/a.md~', 'ignored'],
    ['content/posts/4913', 'ignored'],
    ['content/posts/.#a.md', 'ignored'],
    ['content/posts/#a.md#', 'ignored'],
    ['content/posts/a.md.tmp', 'ignored'],
    ['templates/layouts/post.hbs___jb_tmp___', 'ignored'],
    ['README.md', 'ignored'],
  ])('%s is %s', (path, kind) => {
    expect(classifyChange(path, 'site.config.json', 'dist')).toBe(kind);
  });

  it('ignores a custom output folder', () => {
    expect(classifyChange('public/index.html', 'site.config.json', 'public')).toBe('ignored');
    expect(classifyChange('public-notes/x.md', 'site.config.json', 'public')).toBe('ignored');
  });

  it('treats the built-in theme as templates when it is developed inside the site', () => {
    const folders = ['templates', 'theme'];
    expect(classifyChange('theme/layouts/post.hbs', 'site.config.json', 'dist', folders)).toBe('template');
    expect(classifyChange('theme', 'site.config.json', 'dist', folders)).toBe('template');
    expect(classifyChange('theme/layouts/.post.hbs.swp', 'site.config.json', 'dist', folders)).toBe('ignored');
    expect(classifyChange('themes/x.hbs', 'site.config.json', 'dist', folders)).toBe('ignored');
    expect(classifyChange('theme/layouts/post.hbs', 'site.config.json', 'dist')).toBe('ignored');
  });
});

// Issue 10 / issue 11 item 15: three patterns disagreed, so `serve --watch`
// published differently from a full build. Now one rule decides for the
// content scan, the theme's assets and the watcher.
describe('editor and hidden files', () => {
  const names = ['x.crdownload', 'x___jb_tmp___', 'x.swx', 'x.swp', '.x.md.swo', '4913', '#x#', 'x~', '.env'];
  let site: TempSite | undefined;
  afterEach(() => site?.remove());

  it('are neither published by a build nor watched, in content/static/ and templates/assets/', async () => {
    const files = Object.fromEntries(names.flatMap((n) => [[`content/static/${n}`, 'x'], [`templates/assets/css/${n}`, 'x']]));
    site = createTempSite({ ...files, 'content/static/kept.txt': 'kept' }, { config: { search: { enabled: false } } });
    const { config } = await loadConfig(`${site.root}/site.config.json`);
    const result = await createSiteBuilder({ root: site.root, config, now: new Date('2026-01-01T00:00:00Z'), logger: silentLogger }).build();
    expect(result.summary).toBeDefined();
    const published = site.list('dist');
    expect(published).toContain('kept.txt');
    for (const n of names) {
      expect(published, n).not.toContain(n);
      expect(published, n).not.toContain(`assets/css/${n}`);
      expect(classifyChange(`content/static/${n}`, 'site.config.json', 'dist'), n).toBe('ignored');
      expect(classifyChange(`templates/assets/css/${n}`, 'site.config.json', 'dist'), n).toBe('ignored');
    }
    const skipped = result.diagnostics.filter((d) => d.message.startsWith('not copied: ')).map((d) => d.file);
    expect(skipped).toEqual(expect.arrayContaining(names.flatMap((n) => [`content/static/${n}`, `templates/assets/css/${n}`])));
  });
});
