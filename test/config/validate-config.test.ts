import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate-config.js';
import { configText, problems } from './config-text.js';

describe('validateConfig: JSON syntax', () => {
  it('points at a trailing comma and says to remove it', () => {
    const result = validateConfig('{\n  "title": "News",\n}\n', 'site.config.json');
    expect(result.config).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'MS101',
        severity: 'error',
        message: 'trailing comma',
        file: 'site.config.json',
        line: 2,
        column: 18,
        hint: 'remove the trailing comma',
      },
    ]);
  });

  it('finds a trailing comma in an array', () => {
    expect(problems('{\n  "x": [1,\n  ]\n}')).toEqual([
      { code: 'MS101', message: 'trailing comma', line: 2, column: 10, hint: 'remove the trailing comma' },
    ]);
  });

  it('refuses comments', () => {
    expect(problems('{\n  // the site name\n  "title": "News"\n}')).toEqual([
      { code: 'MS101', message: 'comments are not allowed in JSON', line: 2, column: 3, hint: 'remove the comment; the config file is plain JSON' },
    ]);
  });

  it('explains a missing closing quote', () => {
    expect(problems('{\n  "title": "News,\n  "outDir": "public"\n}')[0]).toMatchObject({
      code: 'MS101',
      line: 2,
      column: 12,
      message: 'unterminated string',
      hint: 'close the string with a double quote on the same line',
    });
  });

  it('explains a key without quotes and single quotes', () => {
    expect(problems('{\n  title: "News"\n}')).toEqual([
      { code: 'MS101', message: 'unexpected title', line: 2, column: 3, hint: 'put the key in double quotes: "title"' },
    ]);
    expect(problems("{'title': 'News'}")[0]).toMatchObject({ line: 1, column: 2, hint: 'JSON strings and keys use double quotes' });
  });

  it('reports a missing comma where the next value starts', () => {
    expect(problems('{\n  "title": "News"\n  "outDir": "public"\n}')).toEqual([
      { code: 'MS101', message: 'expected a comma', line: 3, column: 3, hint: 'add a comma after the previous value' },
    ]);
  });

  it('reports an empty file', () => {
    expect(problems('\n')).toMatchObject([{ code: 'MS101', message: 'the config file is empty', line: 2, column: 1 }]);
  });

  it('stops at absurd nesting instead of overflowing the stack', () => {
    const text = `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(problems(text)).toMatchObject([{ code: 'MS101', message: 'nested more than 64 levels deep', line: 1, column: 70 }]);
  });

  it('accepts a byte-order mark and CRLF line ends, counting lines as an editor does', () => {
    const crlf = `\uFEFF${configText({ outdir: 'public' }).replace(/\n/g, '\r\n')}`;
    expect(problems(crlf)).toMatchObject([{ code: 'MS103', line: 6, column: 3 }]);
    expect(validateConfig(`\uFEFF${configText()}`, 'site.config.json').config?.title).toBe('Migration News');
  });

  it('requires an object at the top', () => {
    expect(problems('["News"]')).toEqual([
      { code: 'MS102', message: 'config: expected an object, got an array', line: 1, column: 1, hint: 'change the value to an object' },
    ]);
  });
});

describe('validateConfig: keys', () => {
  it('reports a duplicate key at the second occurrence', () => {
    const text = '{\n  "title": "One",\n  "baseUrl": "https://example.org",\n  "title": "Two"\n}';
    expect(problems(text)).toContainEqual({
      code: 'MS102',
      message: 'title: duplicate key',
      line: 4,
      column: 3,
      hint: 'keep only one "title"; otherwise the last one silently wins',
    });
  });

  it('refuses __proto__, constructor and prototype keys anywhere and pollutes nothing', () => {
    const text = [
      '{',
      '  "__proto__": { "polluted": "yes" },',
      '  "lists": { "constructor": { "prototype": { "polluted": "yes" } } },',
      '  "menus": { "__pro\\u0074o__": { "polluted": "yes" } }',
      '}',
    ].join('\n');
    expect(problems(text)).toEqual([
      { code: 'MS102', message: '__proto__: "__proto__" is not allowed as a key', line: 2, column: 3, hint: expect.any(String) },
      { code: 'MS102', message: 'lists.constructor: "constructor" is not allowed as a key', line: 3, column: 14, hint: expect.any(String) },
      { code: 'MS102', message: 'lists.constructor.prototype: "prototype" is not allowed as a key', line: 3, column: 31, hint: expect.any(String) },
      { code: 'MS102', message: 'menus.__proto__: "__proto__" is not allowed as a key', line: 4, column: 14, hint: expect.any(String) },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('validateConfig: schema problems', () => {
  it('suggests outDir for an unknown key outdir, at the key', () => {
    expect(problems(configText({ outdir: 'public' }))).toEqual([
      { code: 'MS103', message: 'outdir: unknown key', line: 6, column: 3, hint: "did you mean 'outDir'?" },
    ]);
  });

  it('suggests a key for a nested unknown key', () => {
    expect(problems(configText({ permalinks: { pots: '/{slug}/' } }))).toEqual([
      { code: 'MS103', message: 'permalinks.pots: unknown key', line: 7, column: 5, hint: "did you mean 'post'?" },
    ]);
  });

  it('lists the keys allowed at that level when nothing is close', () => {
    expect(problems(configText({ menus: { sidebar: [] } }))).toEqual([
      { code: 'MS103', message: 'menus.sidebar: unknown key', line: 7, column: 5, hint: 'remove it; allowed keys here: header, footer' },
    ]);
  });

  it('names the path of a wrong type and points at the value', () => {
    expect(problems(configText({ permalinks: { post: 3 } }))).toEqual([
      { code: 'MS102', message: 'permalinks.post: expected a string, got 3', line: 7, column: 13, hint: 'change the value to a string' },
    ]);
  });

  it('names array items in the path', () => {
    const header = [
      { label: 'Home', url: '/' },
      { label: 'About', url: '/about/' },
      { label: 'Asylum', url: false },
    ];
    expect(problems(configText({ menus: { header } }))).toEqual([
      { code: 'MS102', message: 'menus.header[2].url: expected a string, got false', line: 18, column: 16, hint: 'change the value to a string' },
    ]);
  });

  it('reports a missing required title at the object that lacks it', () => {
    const text = '{\n  "baseUrl": "https://example.org",\n  "language": "en",\n  "timeZone": "UTC"\n}';
    expect(problems(text)).toEqual([
      { code: 'MS102', message: 'title: missing required key', line: 1, column: 1, hint: 'add "title" with a string as its value' },
    ]);
  });

  it('reports a missing nested key at its parent object', () => {
    expect(problems(configText({ menus: { footer: [{ label: 'Contact' }] } }))).toEqual([
      { code: 'MS102', message: 'menus.footer[0].url: missing required key', line: 8, column: 7, hint: 'add "url" with a string as its value' },
    ]);
  });

  it('suggests the nearest allowed value of an enum', () => {
    expect(problems(configText({ markdown: { rawHtml: 'sanitise' } }))).toEqual([
      {
        code: 'MS102',
        message: 'markdown.rawHtml: "sanitise" is not one of "drop", "sanitize"',
        line: 7,
        column: 16,
        hint: "did you mean 'sanitize'?",
      },
    ]);
  });

  it('points at a bad record key and uses the schema advice as the hint', () => {
    expect(problems(configText({ lists: { 'top-stories': {} } }))).toEqual([
      { code: 'MS102', message: 'lists["top-stories"]: invalid name', line: 7, column: 5, hint: 'list names are letters and digits' },
    ]);
  });

  it('refuses script links in social profiles', () => {
    expect(problems(configText({ social: { x: 'javascript:alert(1)' } }))).toEqual([
      {
        code: 'MS102',
        message: 'social.x: "javascript:alert(1)" is not a web address',
        line: 7,
        column: 10,
        hint: 'write a full http(s) address such as "https://example.org/"',
      },
    ]);
  });

  it('reports every problem in one run, in file order', () => {
    const text = configText({ postsPerPage: 0, outdir: 'x', related: { limit: 'five' } });
    expect(problems(text).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '6:19 postsPerPage: must be greater than 0, got 0',
      '7:3 outdir: unknown key',
      '9:14 related.limit: expected a number, got the string "five"',
    ]);
  });
});
