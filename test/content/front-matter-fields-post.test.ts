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

  it('asks for the mapping form when image is a string', () => {
    const result = read(`${base}\nimage: boat.png`);
    expect(result.fields).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS210', line: 4, column: 8, message: `'image' must be a mapping, not text ("boat.png")`, hint: expect.stringMatching(/alt:/) }),
    ]);
  });

  it('requires alt, reported at the image key when absent and at alt when empty', () => {
    expect(summary(`${base}\nimage:\n  src: /a.jpg`)).toEqual([['MS209', 'error', 4, 1, "'image.alt' is missing"]]);
    expect(summary(`${base}\nimage:\n  src: /a.jpg\n  alt: ""`)).toEqual([['MS209', 'error', 6, 3, "'image.alt' is empty"]]);
    expect(summary(`${base}\nimage:\n  alt: Boat`)).toEqual([['MS209', 'error', 4, 1, "'image.src' is missing"]]);
  });

  it('reports a wrong type inside image at the nested key', () => {
    expect(summary(`${base}\nimage:\n  src: /a.jpg\n  alt: [x]`)).toEqual([['MS210', 'error', 6, 3, "'image.alt' must be text, not a list"]]);
  });
});

describe('readPostFields: unknown fields', () => {
  it('warns with a "did you mean" for near misses and keeps the fields', () => {
    const result = read(`tittle: x\n${base}\nTags: [a]\ncategroy: b`);
    expect(result.fields?.title).toBe('Boats at dawn');
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message, d.hint])).toEqual([
      ['MS211', 'warning', 2, 1, "unknown field 'tittle' is ignored", "did you mean 'title'?"],
      ['MS211', 'warning', 5, 1, "unknown field 'Tags' is ignored", "did you mean 'tags'?"],
      ['MS211', 'warning', 6, 1, "unknown field 'categroy' is ignored", "did you mean 'category'?"],
    ]);
  });

  it('lists the known fields when nothing is close', () => {
    expect(read(`${base}\nlayout: wide`).diagnostics[0]).toMatchObject({ code: 'MS211', line: 4, column: 1, hint: expect.stringMatching(/^known fields: title, date/) });
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
