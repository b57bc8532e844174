import { describe, expect, it } from 'vitest';
import { classifyChange } from '../../src/dev/classify-change.js';

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
