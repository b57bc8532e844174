import { describe, expect, it } from 'vitest';
import { readPostFields } from '../../src/content/front-matter-fields.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';

const file = 'content/posts/x.md';
const base = 'title: Boats at dawn\ndate: 2024-11-06';
const read = (yaml: string, timeZone = 'Europe/Athens') =>
  readPostFields(parseFrontMatter(`---\n${yaml}\n---\nbody\n`, file), file, { timeZone });
const summary = (yaml: string) => read(yaml).diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message]);

describe('readPostFields: dates (rows 9, 10)', () => {
  it('reads dates without an offset in the given time zone', () => {
    expect(read('title: t\ndate: 2024-11-06 09:30', 'America/New_York').fields?.date).toEqual(new Date('2024-11-06T14:30:00Z'));
    expect(read('title: t\ndate: 2024-11-06T09:30:00+02:00', 'America/New_York').fields?.date).toEqual(new Date('2024-11-06T07:30:00Z'));
  });

  it.each([
    ['2024-02-30', '"2024-02-30"', 7],
    ['yesterday', '"yesterday"', 7],
    ['2024', '2024', 7],
    ['2024-11-06T24:00', '"2024-11-06T24:00"', 7],
    ['[2024-11-06]', 'a list', 1],
  ])('reports date: %s at the value (or the key for a list)', (value, got, column) => {
    const result = read(`title: t\ndate: ${value}`);
    expect(result.fields).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'MS201',
        severity: 'error',
        file,
        line: 3,
        column,
        message: `'date' is not a valid date (got ${got})`,
        hint: expect.stringMatching(/YYYY-MM-DD.*ISO 8601/),
      }),
    ]);
  });

  it('reports an empty date at the key', () => {
    expect(summary('title: t\ndate:')).toEqual([['MS209', 'error', 3, 1, "'date' is empty"]]);
  });

  it('reports a bad `updated` and warns when it is before `date`', () => {
    expect(summary(`${base}\nupdated: 2024-13-01`)).toEqual([['MS201', 'error', 4, 10, `'updated' is not a valid date (got "2024-13-01")`]]);
    const result = read(`${base}\nupdated: 2023-11-07`);
    expect(result.fields?.updated).toEqual(new Date('2023-11-06T22:00:00Z'));
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MS201', severity: 'warning', line: 4, column: 1 })]);
  });
});

describe('readPostFields: image', () => {
  it('keeps caption and credit when given', () => {
    expect(read(`${base}\nimage: {src: /a.jpg, alt: Boat, caption: At dawn}`).fields?.image).toEqual({ src: '/a.jpg', alt: 'Boat', caption: 'At dawn' });
  });

  it('reads a picture given as text, with image_alt-style keys beside it (Jekyll, Eleventy)', () => {
    const result = read(`${base}\nimage: /boat.png\nimage_alt: A boat\nimage_caption: At dawn`);
    expect(result).toEqual({ fields: expect.objectContaining({ image: { src: '/boat.png', alt: 'A boat', caption: 'At dawn' } }), diagnostics: [] });
  });

  it('reads Hugo\'s images list (the first is shown, the rest named in a warning) and a cover mapping', () => {
    const result = read(`${base}\nimages: [/a.png, /b.png]\nimage_alt: A`);
    expect(result.fields?.image).toEqual({ src: '/a.png', alt: 'A' });
    expect(summary(`${base}\nimages: [/a.png, /b.png]\nimage_alt: A`)).toEqual([['MS211', 'warning', 4, 1, "'images' lists 2 pictures; only the first is shown with the article"]]);
    expect(read(`${base}\ncover:\n  image: /c.png\n  alt: C\n  caption: Cap`).fields?.image).toEqual({ src: '/c.png', alt: 'C', caption: 'Cap' });
  });

  it('warns (and still shows the picture) when alt text is missing, in either form', () => {
    expect(read(`${base}\nimage: /boat.png`).fields?.image).toEqual({ src: '/boat.png', alt: '' });
    expect(summary(`${base}\nimage: /boat.png`)).toEqual([['MS209', 'warning', 4, 1, 'the picture has no alt text']]);
    expect(summary(`${base}\nimage:\n  src: /a.jpg`)).toEqual([['MS209', 'warning', 5, 3, "'image.alt' is missing: the picture has no alt text"]]);
    expect(summary(`${base}\nimage:\n  alt: Boat`)).toEqual([['MS209', 'error', 4, 1, "'image.src' is missing"]]);
  });

  it('reports a wrong type inside image at the nested key', () => {
    expect(summary(`${base}\nimage:\n  src: /a.jpg\n  alt: [x]`)).toEqual([['MS210', 'error', 6, 3, "'image.alt' must be text, not a list"]]);
  });
});

describe('readPostFields: unknown fields', () => {
  it('warns with a "did you mean" for near misses and keeps the fields', () => {
    const result = read(`tittle: x\n${base}\nTags: [a]\ncategroy: b`);
    expect(result.fields).toMatchObject({ title: 'Boats at dawn', tags: ['a'], params: { tittle: 'x', categroy: 'b' } });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message, d.hint])).toEqual([
      ['MS211', 'warning', 2, 1, "unknown field 'tittle' is kept as post.params.tittle", expect.stringMatching(/^did you mean 'title'\? Or if it is your own field, list it in "content"/)],
      ['MS211', 'warning', 6, 1, "unknown field 'categroy' is kept as post.params.categroy", expect.stringMatching(/^did you mean 'category'\?/)],
    ]);
  });

  it('keeps unknown fields as params and tells how to silence the warning', () => {
    const result = read(`${base}\nlayout: wide\nToc: true\nseries: {name: Borders, part: 2}`);
    expect(result.fields?.params).toEqual({ layout: 'wide', toc: true, series: { name: 'Borders', part: 2 } });
    // `layout` is in nearly every Jekyll and Eleventy post and means nothing here: kept, no warning.
    expect(result.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['MS211', 5, "unknown field 'toc' is kept as post.params.toc"],
      ['MS211', 6, "unknown field 'series' is kept as post.params.series"],
    ]);
    expect(result.diagnostics[0].hint).toMatch(/"ignoreKeys"/);
  });

  it('warns about none of the keys in ignoreKeys (compared without regard to case), and still keeps them', () => {
    const fm = parseFrontMatter(`---\n${base}\nweight: 2\nToc: true\nother: 1\n---\n`, file);
    const result = readPostFields(fm, file, { timeZone: 'UTC', ignoreKeys: ['Weight', 'toc'] });
    expect(result.fields?.params).toEqual({ weight: 2, toc: true, other: 1 });
    expect(result.diagnostics.map((d) => d.message)).toEqual(["unknown field 'other' is kept as post.params.other"]);
  });

  it('warns about unknown keys inside image at the nested key', () => {
    expect(summary(`${base}\nimage:\n  src: /a.jpg\n  alt: Boat\n  atl: x`)).toEqual([['MS211', 'warning', 7, 3, "unknown field 'image.atl' is ignored"]]);
  });
});

describe('readPostFields: front matter that already failed', () => {
  it('adds nothing when there is no data', () => {
    expect(read('title: a: b')).toEqual({ diagnostics: [] });
  });
});
