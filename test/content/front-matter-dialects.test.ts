import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { validateConfig } from '../../src/config/validate-config.js';

// The three ways the peers write front matter (`---` YAML, `+++` TOML, `{` JSON),
// the fences they do not, and the one list of keys refused everywhere.

const file = 'content/posts/x.md';
const parse = (text: string) => parseFrontMatter(text, file);
const problems = (text: string) => parse(text).diagnostics.map((d) => [d.code, d.line, d.column, d.message]);

describe('TOML front matter (+++)', () => {
  it('reads fields, tables and dates, with positions in file coordinates', () => {
    const result = parse('+++\ntitle = "River survey"\ndate = 2019-04-02T09:30:00+02:00\nlastmod = 2019-04-05T12:00:00\ntags = ["river", "survey"]\n\n[image]\nsrc = "/a.png"\nalt = "A river"\n+++\nBody\n');
    expect(result.data).toEqual({
      title: 'River survey',
      date: '2019-04-02T09:30:00.000+02:00',
      lastmod: '2019-04-05T12:00:00.000',
      tags: ['river', 'survey'],
      image: { src: '/a.png', alt: 'A river' },
    });
    expect(result.positions).toMatchObject({ title: { line: 2, column: 1 }, tags: { line: 5, column: 1 }, image: { line: 7, column: 1 } });
    expect(result.pathPositions['image.alt']).toEqual({ line: 9, column: 1 });
    expect(result.valuePositions.date).toEqual({ line: 3, column: 8 });
    expect(result).toMatchObject({ body: 'Body\n', bodyLine: 11, diagnostics: [] });
  });

  it('reports a TOML syntax error once, at its line, with a hint', () => {
    const result = parse('+++\ntitle = "T"\ndate = \n+++\n');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MS231', severity: 'error', file, line: 3, hint: expect.stringMatching(/key = value/) })]);
  });

  it('asks for the closing +++ when it is missing', () => {
    expect(parse('+++\ntitle = "T"\n').diagnostics).toEqual([expect.objectContaining({ code: 'MS202', line: 1, hint: expect.stringMatching(/'\+\+\+'/) })]);
  });
});

describe('JSON front matter ({ … })', () => {
  it('reads the object up to the line holding only }', () => {
    const result = parse('{\n  "title": "Bridge counts",\n  "tags": ["bridge"]\n}\n\nBody\n');
    expect(result).toMatchObject({ data: { title: 'Bridge counts', tags: ['bridge'] }, body: '\nBody\n', bodyLine: 5, diagnostics: [] });
    expect(result.positions.tags).toEqual({ line: 3, column: 3 });
  });
});

describe('fences', () => {
  it.each(['--', '++++', '***', '===', '+++toml', '----js'])('reports %j as one clear error, not as missing fields', (fence) => {
    const result = parse(`${fence}\ntitle: a\n${fence}\nbody\n`);
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: 1, column: 1 });
    if (fence !== '----js') expect(result.diagnostics[0]).toMatchObject({ code: 'MS230', message: `front matter fence not recognised: '${fence}'` });
  });

  it('still treats a file that opens with text as all body', () => {
    expect(parse('# Title\n\n---\n').data).toEqual({});
  });
});

describe('prototype-unsafe keys: one list, every dialect and the config', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s in YAML, TOML, JSON front matter and in site.config.json', (key) => {
    const yaml = parse(`---\ntitle: t\n${key}: {polluted: 1}\n---\n`);
    const toml = parse(`+++\ntitle = "t"\n[${key}]\npolluted = 1\n+++\n`);
    const json = parse(`{\n  "title": "t",\n  "${key}": {"polluted": 1}\n}\n`);
    for (const result of [yaml, toml, json]) {
      expect(result.data).toBeUndefined();
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MS208', line: 3, message: `key '${key}' is not allowed in front matter` })]);
    }
    const config = validateConfig(`{"title": "t", "baseUrl": "https://x.org/", "language": "en", "timeZone": "UTC", "${key}": {"polluted": 1}}`, 'site.config.json');
    expect(config.config).toBeUndefined();
    expect(config.diagnostics[0].message).toContain(`"${key}" is not allowed as a key`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a nested unsafe key in TOML at its own line', () => {
    expect(problems('+++\ntitle = "t"\n[image]\nsrc = "/a.png"\n__proto__ = 1\n+++\n')).toEqual([['MS208', 5, 1, "key '__proto__' is not allowed in front matter"]]);
  });
});

describe('keys compared without regard to case', () => {
  it('lowercases top-level keys and their positions, but not nested ones', () => {
    const result = parse('---\nTitle: T\nAuthor: A\nImage:\n  src: /a.png\n---\n');
    expect(result.data).toEqual({ title: 'T', author: 'A', image: { src: '/a.png' } });
    expect(result.positions).toEqual({ title: { line: 2, column: 1 }, author: { line: 3, column: 1 }, image: { line: 4, column: 1 } });
    expect(result.pathPositions['image.src']).toEqual({ line: 5, column: 3 });
  });

  it('reports two spellings of one key at the second, keeping the rest readable', () => {
    const result = parse('---\ntitle: a\ndate: 2020-01-01\nTitle: b\n---\n');
    expect(problems('---\ntitle: a\ndate: 2020-01-01\nTitle: b\n---\n')).toEqual([
      ['MS204', 4, 1, "'Title' and 'title' are the same field (keys are compared without regard to case)"],
    ]);
    expect(result.partial).toEqual({ title: 'a', date: '2020-01-01' });
  });
});

describe('YAML the peers accept: quoted values over several unindented lines', () => {
  it('reads double- and single-quoted continuation lines as js-yaml, Psych and go-yaml do', () => {
    const result = parse(`---\ntitle: "Shelter census: how many beds,\nand who sleeps in them"\nsummary: 'It''s late,\nsaid the clerk'\ndate: 2021-03-15\n---\n`);
    expect(result.data).toEqual({ title: 'Shelter census: how many beds, and who sleeps in them', summary: "It's late, said the clerk", date: '2021-03-15' });
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps exact file positions after and inside such a value', () => {
    const after = parse('---\ntitle: "one\ntwo"\ntags: [a, !!js/function x]\n---\n');
    expect(after.diagnostics).toEqual([expect.objectContaining({ code: 'MS206', line: 4, column: 11 })]);
    const nested = parse('---\nimage:\n  src: /a.png\n  alt: "first line\n  second line"\n---\n');
    expect(nested.data).toEqual({ image: { src: '/a.png', alt: 'first line second line' } });
  });

  it('does not touch quotes inside block scalars', () => {
    expect(parse('---\nsummary: |\n  He said "wait\n  here\ntitle: t\n---\n').data).toEqual({ summary: 'He said "wait\nhere\n', title: 't' });
  });
});

describe('broken YAML: one error where the broken value opens', () => {
  it('reports an unclosed quote once, at the quote, with a hint that fits, and reads the fields after it', () => {
    const result = parse('---\ntitle: "Ferry strike ends\ndate: 2020-01-01\ntags: [ferry]\nsummary: fine\n---\nbody\n');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'MS203',
        line: 2,
        column: 8,
        message: 'this quoted value is never closed: its " runs on into the lines below',
        hint: expect.stringMatching(/^end the value with "/),
      }),
    ]);
    expect(result.data).toBeUndefined();
    expect(result.partial).toEqual({ date: '2020-01-01', tags: ['ferry'], summary: 'fine' });
  });

  it('blames the quote that runs into the next field, not the later quote the parser trips over', () => {
    expect(problems('---\ntitle: "Ferry strike ends\ndate: 2020-01-01\nsummary: "Talks went on all night."\n---\n')).toEqual([
      ['MS203', 2, 8, 'this quoted value is never closed: its " runs on into the lines below'],
    ]);
  });

  it('does not tell the writer to add quotes that are already there', () => {
    const [d] = parse('---\ntitle: "Lesbos" a year on: report\n---\n').diagnostics;
    expect(d).toMatchObject({ code: 'MS203', line: 2 });
    expect(d.column).toBeLessThanOrEqual('title: "Lesbos" a year on: report'.length + 1);
    expect(d.hint).not.toMatch(/put values that contain/);
  });
});
