import { describe, expect, it } from 'vitest';
import { readPostFields } from '../../src/content/front-matter-fields.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';

const file = 'content/posts/x.md';
const base = 'title: Boats at dawn\ndate: 2024-11-06';
const read = (yaml: string) => {
  const fm = parseFrontMatter(`---\n${yaml}\n---\nbody\n`, file);
  expect(fm.diagnostics).toEqual([]);
  return readPostFields(fm, file, { timeZone: 'Europe/London' });
};
const places = (yaml: string) => read(yaml).diagnostics.map((d) => [d.code, d.severity, d.line, d.column]);

describe('readPostFields', () => {
  it('reads every field with its type and defaults', () => {
    const result = read(`title: "Boats at dawn "
date: 2024-11-06 09:30
updated: 2024-11-07
authors: [amira, jonas]
categories: [Greece, " Sea rescue "]
tags: [asylum, Lesbos, asylum]
summary: Short text.
image:
  src: /images/boat.jpg
  alt: A rescue boat
  credit: AP
draft: true
featured: false
slug: boats
aliases: [/2019/05/old/]`);
    expect(result).toEqual({
      diagnostics: [],
      fields: {
        title: 'Boats at dawn',
        date: new Date('2024-11-06T09:30:00Z'),
        updated: new Date('2024-11-07T00:00:00Z'),
        authorIds: ['amira', 'jonas'],
        categories: ['Greece', 'Sea rescue'],
        tags: ['asylum', 'Lesbos'],
        summary: 'Short text.',
        image: { src: '/images/boat.jpg', alt: 'A rescue boat', credit: 'AP' },
        draft: true,
        featured: false,
        slug: 'boats',
        permalink: undefined,
        aliases: ['/2019/05/old/'],
        params: {},
        language: {},
      },
    });
  });

  it('defaults lists to empty and flags to false', () => {
    expect(read(base).fields).toEqual({
      title: 'Boats at dawn',
      date: new Date('2024-11-06T00:00:00Z'),
      updated: undefined,
      authorIds: [],
      categories: [],
      tags: [],
      summary: undefined,
      image: undefined,
      draft: false,
      featured: false,
      slug: undefined,
      permalink: undefined,
      aliases: [],
      params: {},
      language: {},
    });
  });

  it('reads lang (canonical BCP 47), dir and translationKey', () => {
    expect(read(`${base}\nlang: AR-eg\ndir: rtl\ntranslationKey: lesbos-winter`).fields?.language).toEqual({ lang: 'ar-EG', dir: 'rtl', translationKey: 'lesbos-winter' });
  });

  it('refuses a lang that is no language tag, and a dir other than ltr or rtl, at the key with a hint', () => {
    const result = read(`${base}\nlang: en_US\ndir: right`);
    expect(result.fields).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.message, d.hint])).toEqual([
      ['MS210', 4, 1, `'lang' "en_US" is not a language tag: subtags are joined with "-", not "_"`, 'write a BCP 47 language tag such as lang: ar, lang: el or lang: pt-BR'],
      ['MS210', 5, 1, `'dir' must be ltr or rtl, not "right"`, 'leave it out: the direction follows from lang (rtl for Arabic, Persian, Hebrew, Urdu…)'],
    ]);
    expect(read(`${base}\nlang: arabic`).diagnostics.map((d) => d.message)).toEqual([`'lang' "arabic" is not a language tag`]);
    expect(read(`${base}\nlang: en-US-US`).diagnostics.map((d) => d.message)).toEqual([`'lang' "en-US-US" is not a valid language tag`]);
  });

  it('takes single `author` and `category` as one-entry lists', () => {
    expect(read(`${base}\nauthor: amira\ncategory: Greece`).fields).toMatchObject({ authorIds: ['amira'], categories: ['Greece'] });
  });

  it('accepts `tags: "a"` as one tag (row 8)', () => {
    expect(read(`${base}\ntags: "asylum"`).fields?.tags).toEqual(['asylum']);
  });

  it('trims and NFC-normalises tags and categories', () => {
    const nfd = 'cafe\u0301';
    expect(read(`${base}\ntags: [" ${nfd} "]\ncategory: "${nfd}"`).fields).toMatchObject({ tags: ['café'], categories: ['café'] });
  });

  it('reports missing title and date at 1:1 (row 8)', () => {
    const result = read('summary: x');
    expect(result.fields).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS209', severity: 'error', file, line: 1, column: 1, message: "'title' is missing", hint: expect.stringMatching(/title:/) }),
      expect.objectContaining({ code: 'MS209', severity: 'error', file, line: 1, column: 1, message: "'date' is missing", hint: expect.stringMatching(/date: 2024-11-06/) }),
    ]);
  });

  it('reports an empty title at the key', () => {
    expect(places('title:\ndate: 2024-11-06')).toEqual([['MS209', 'error', 2, 1]]);
    expect(places('title: "  "\ndate: 2024-11-06')).toEqual([['MS209', 'error', 2, 1]]);
  });

  it('reports wrong types at the value, or at the key for a list (row 8)', () => {
    const result = read('title: [a]\ndate: 2024-11-06\ndraft: "maybe"\nsummary: 12\nimage: 3');
    expect(result.fields).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['MS210', 2, 1, "'title' must be text, not a list"],
      ['MS210', 4, 8, `'draft' must be true or false, not text ("maybe")`],
      ['MS210', 5, 10, "'summary' must be text, not a number (12)"],
      ['MS210', 6, 8, "'image' must be text or a list of text, not a number (3)"],
    ]);
  });

  it('reports bad list entries at the element (row 8)', () => {
    const result = read(`${base}\ntags: [1, null, "  ", ok]`);
    expect(result.fields).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['MS210', 4, 8, "'tags' entries must be text, not a number (1)"],
      ['MS210', 4, 11, "'tags' entries must be text, not empty"],
      ['MS210', 4, 17, "'tags' has an empty entry"],
    ]);
  });

  it('reports a block list entry on its own line', () => {
    expect(places(`${base}\ncategories:\n  - Greece\n  - [a]`)).toEqual([['MS210', 'error', 6, 5]]);
  });

  it('reports a tags value that is neither text nor a list', () => {
    expect(places(`${base}\ntags: {a: 1}`)).toEqual([['MS210', 'error', 4, 1]]);
  });

  it('caps tags at 100 per article and 100 characters per tag', () => {
    const many = Array.from({ length: 101 }, (_, i) => `t${i}`).join(', ');
    expect(read(`${base}\ntags: [${many}]`).diagnostics).toEqual([
      expect.objectContaining({ code: 'MS210', line: 4, column: 1, message: "'tags' has 101 entries; at most 100 are allowed" }),
    ]);
    expect(places(`${base}\ntags: [ok, ${'x'.repeat(101)}]`)).toEqual([['MS210', 'error', 4, 12]]);
  });

  it('refuses `author` and `authors` together, at the later key', () => {
    const result = read(`${base}\nauthors: [a]\nauthor: b`);
    expect(result.fields).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS210', line: 5, column: 1, message: "use either 'author' or 'authors', not both" }),
    ]);
    expect(places(`${base}\ncategory: a\ncategories: [b]`)).toEqual([['MS210', 'error', 5, 1]]);
  });

  it('refuses aliases that are web addresses or climb above the site root', () => {
    expect(read(`${base}\naliases: [/ok/, "https://old.example/x", ../../x]`).diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['MS210', 4, 17, `'aliases' entries must be site paths (got "https://old.example/x")`],
      ['MS210', 4, 42, `'aliases' entries must be site paths (got "../../x")`],
    ]);
  });
});
