import { describe, expect, it } from 'vitest';
import { readBylines } from '../../src/content/front-matter-compat.js';
import { readPostFields, type PostFieldOptions } from '../../src/content/front-matter-fields.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { makeConfig } from '../../src/config/make-config.js';
import { contentOptionsOf, parsePost, type ContentOptions } from '../../src/content/parse-source.js';

// Jekyll, Hugo and Eleventy spellings of a post's fields, each read onto the one field it means.

const file = 'content/posts/x.md';
const read = (yaml: string, options: Partial<PostFieldOptions> = {}) =>
  readPostFields(parseFrontMatter(`---\n${yaml}\n---\nbody\n`, file), file, { timeZone: 'UTC', ...options });
const fields = (yaml: string, options: Partial<PostFieldOptions> = {}) => read(`title: T\ndate: 2020-01-02\n${yaml}`, options).fields;
const messages = (yaml: string, options: Partial<PostFieldOptions> = {}) =>
  read(`title: T\ndate: 2020-01-02\n${yaml}`, options).diagnostics.map((d) => [d.severity, d.line, d.message]);

const contentOptions: ContentOptions = { ...contentOptionsOf(makeConfig({ timeZone: 'UTC' })), rawHtml: 'drop' };
const post = (path: string, text: string, options: Partial<ContentOptions> = {}) => {
  const parsed = parsePost({ path, bytes: new TextEncoder().encode(text) }, { ...contentOptions, ...options });
  return { post: parsed.kind === 'post' ? parsed.post : undefined, diagnostics: parsed.diagnostics };
};

describe('values in the peers\' forms', () => {
  it.each([
    ['yes', true], ['Yes', true], ['on', true], ['no', false], ['OFF', false], ['true', true],
  ])('reads draft: %s as %s', (word, value) => {
    expect(fields(`draft: ${word}`)?.draft).toBe(value);
  });

  it('reads `categories: news releases` as two categories (Jekyll) but `category: Middle East` as one', () => {
    expect(fields('categories: news releases')?.categories).toEqual(['news', 'releases']);
    expect(fields('category: Middle East')?.categories).toEqual(['Middle East']);
    expect(fields('categories: [Middle East]')?.categories).toEqual(['Middle East']);
  });

  it('reads excerpt and description as summary; a second one is named in a warning', () => {
    expect(fields('excerpt: Short.')?.summary).toBe('Short.');
    expect(fields('description: Shorter.')?.summary).toBe('Shorter.');
    expect(messages('summary: A\ndescription: B')).toEqual([['warning', 5, "'description' is not used because 'summary' is set"]]);
  });

  it('reads lastmod and last_modified_at as updated', () => {
    expect(fields('lastmod: 2020-02-01')?.updated).toEqual(new Date('2020-02-01T00:00:00Z'));
    expect(fields('last_modified_at: 2020-03-01 10:00:00 -4')?.updated).toEqual(new Date('2020-03-01T14:00:00Z'));
  });

  it('treats `published: false` (Jekyll) and `permalink: false` (Eleventy) as not published', () => {
    expect(fields('published: false')?.draft).toBe(true);
    expect(fields('permalink: false')).toMatchObject({ draft: true, permalink: undefined });
    expect(fields('published: true')?.draft).toBe(false);
  });

  it('still refuses impossible dates', () => {
    expect(read('title: T\ndate: 2015-02-30 14:00:00 -4').diagnostics).toEqual([expect.objectContaining({ code: 'MS201', severity: 'error', line: 3 })]);
  });
});

describe('free-text authors', () => {
  it.each([
    ['Ana Ruiz', [{ name: 'Ana Ruiz' }]],
    ['Ana Ruiz and Tom Hale', [{ name: 'Ana Ruiz' }, { name: 'Tom Hale' }]],
    ['Ana Ruiz, Tom Hale & Lea Marx', [{ name: 'Ana Ruiz' }, { name: 'Tom Hale' }, { name: 'Lea Marx' }]],
    ['[Ana Ruiz](https://ana.example.org/)', [{ name: 'Ana Ruiz', link: 'https://ana.example.org/' }]],
    ['[Ruiz, Ana](https://ana.example.org/) and Tom Hale', [{ name: 'Ruiz, Ana', link: 'https://ana.example.org/' }, { name: 'Tom Hale' }]],
    ['[Ana](javascript:void)', [{ name: 'Ana' }]],
    ['amina-yusuf', [{ name: 'amina-yusuf' }]],
  ])('reads %j', (text, bylines) => {
    expect(readBylines([text])).toEqual(bylines);
  });

  it('reads them from author and authors, with links kept by name', () => {
    expect(fields('author: "[Ana Ruiz](https://ana.example.org/) and Tom Hale"')).toMatchObject({
      authorIds: ['Ana Ruiz', 'Tom Hale'],
      authorLinks: { 'Ana Ruiz': 'https://ana.example.org/' },
    });
    expect(fields('authors: [Ana Ruiz, "Tom Hale & Lea Marx"]')?.authorIds).toEqual(['Ana Ruiz', 'Tom Hale', 'Lea Marx']);
  });
});

describe('permalink and url', () => {
  it('keeps a safe site path, with Jekyll placeholders', () => {
    expect(fields('permalink: /clinic/:year/:title/')?.permalink).toBe('/clinic/:year/:title/');
    expect(fields('url: /news/ferry-timetables')?.permalink).toBe('/news/ferry-timetables');
  });

  it.each([
    ['news/x/', "it must start with '/'"],
    ['/../../etc/', "no part of it may start with '.' (hidden or parent folders)"],
    ['/.well-known/x/', "no part of it may start with '.' (hidden or parent folders)"],
    ['/a/%2e%2e/x/', 'it cannot contain \\, ?, #, % or control characters'],
    ['/a\\b/', 'it cannot contain \\, ?, #, % or control characters'],
    ['/x/?q=1', 'it cannot contain \\, ?, #, % or control characters'],
    ['"/posts/{{ page.fileSlug }}/"', 'template code in a permalink is not run'],
    ['/:author/x/', "':author' is not a placeholder this site knows"],
  ])('refuses permalink %s', (value, problem) => {
    const [d] = read(`title: T\ndate: 2020-01-02\npermalink: ${value}`).diagnostics;
    expect(d).toMatchObject({ code: 'MS232', severity: 'error', line: 4, column: 1 });
    expect(d.message).toContain(problem);
  });
});

describe('aliases and redirect_from', () => {
  it('resolves relative aliases against the post\'s old folder and reads redirect_from as aliases', () => {
    const result = fields('aliases: [old-survey/, /2019/x.html, ../elsewhere]\nredirect_from: /news/a.html', { aliasFolder: '/posts/rivers/' });
    expect(result?.aliases).toEqual(['/posts/rivers/old-survey/', '/2019/x.html', '/posts/elsewhere', '/news/a.html']);
  });
});

describe('parsePost: what the file name says', () => {
  const body = (fm: string) => `---\n${fm}\n---\nText.\n`;

  it('takes the slug from the file name without its date prefix and extension, the date from the prefix', () => {
    const result = post('content/posts/2015-03-17-harbour-shelter.markdown', body('title: A different title'));
    expect(result.post).toMatchObject({ slug: 'harbour-shelter', date: new Date('2015-03-17T00:00:00Z') });
    expect(result.diagnostics).toEqual([]);
  });

  it('takes a page bundle\'s slug from its folder; slug: wins; "slugs": "title" keeps title slugs', () => {
    expect(post('content/posts/river-survey/index.md', body('title: T\ndate: 2020-01-01')).post?.slug).toBe('river-survey');
    expect(post('content/posts/2020-01-01-a.md', body('title: T\nslug: chosen')).post?.slug).toBe('chosen');
    expect(post('content/posts/2020-01-01-a.md', body('title: Border crossings rise'), { slugs: 'title' }).post?.slug).toBe('border-crossings-rise');
  });

  it('prefers the front-matter date to the file name\'s', () => {
    expect(post('content/posts/2015-03-17-x.md', body('title: T\ndate: 2016-01-01')).post?.date).toEqual(new Date('2016-01-01T00:00:00Z'));
  });

  it('makes an unclean file name into a slug, with a warning', () => {
    const result = post('content/posts/Notes From The Port.md', body('title: T\ndate: 2020-01-01'));
    expect(result.post?.slug).toBe('notes-from-the-port');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MS307', severity: 'warning', message: expect.stringContaining('"notes-from-the-port"') })]);
  });

  it('uses the file name\'s date for Eleventy\'s `date: Last Modified`, with a warning, and fails without one', () => {
    const dated = post('content/posts/2021-06-02-night-buses.md', body('title: T\ndate: Last Modified'));
    expect(dated.post?.date).toEqual(new Date('2021-06-02T00:00:00Z'));
    expect(dated.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 3 })]);
    expect(post('content/posts/night-buses.md', body('title: T\ndate: git Created')).diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 3 })]);
  });

  it('still checks the readable fields of broken front matter in the same run', () => {
    const result = post('content/posts/x.md', body('title: "Unclosed\ndate: 2020-01-01\ntags: {a: 1}'));
    expect(result.post).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['MS203', 2], ['MS210', 4]]);
  });

  it('keeps unknown keys as params, lowercased', () => {
    expect(post('content/posts/x.md', body('title: T\ndate: 2020-01-01\nSeries: Rivers\ntoc: on')).post?.params).toEqual({ series: 'Rivers', toc: 'on' });
  });
});
