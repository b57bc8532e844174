import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';

const file = 'content/posts/x.md';
const parse = (yaml: string) => parseFrontMatter(`---\n${yaml}\n---\nbody\n`, file);
const codesOf = (yaml: string) => parse(yaml).diagnostics.map((d) => [d.code, d.line, d.column]);

describe('parseFrontMatter: YAML tags (row 5)', () => {
  it.each([
    ['fn: !!js/function "function () { return 1 }"', 5],
    ['data: !!binary aGVsbG8=', 7],
    ['x: !foo bar', 4],
    ['x: !<tag:example.com,2000:app> bar', 4],
    ['x: ! bar', 4],
    ['x: !!set {a, b}', 4],
  ])('refuses %s at the tag, building no object', (yaml, column) => {
    const result = parse(yaml);
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MS206', severity: 'error', file, line: 2, column })]);
    expect(result.diagnostics[0].message).toMatch(/^YAML tag '.+' is not allowed in front matter$/);
  });

  it('finds tags on block collections, list items and keys', () => {
    expect(codesOf('a: !foo\n  b: 1\nc:\n  - !bar x\n!baz d: 1')).toEqual([
      ['MS206', 2, 4],
      ['MS206', 5, 5],
      ['MS206', 6, 1],
    ]);
  });

  it('allows the core tags', () => {
    const result = parse('a: !!str 2024\nb: !!int "7"\nc: !!bool true\nd: !!null ~\ne: !!seq [x]\nf: !!map {y: 1}\ng: !!float 1.5');
    expect(result.diagnostics).toEqual([]);
    expect(result.data).toEqual({ a: '2024', b: 7, c: true, d: null, e: ['x'], f: { y: 1 }, g: 1.5 });
  });

  it('refuses a core tag that does not fit its value', () => {
    expect(codesOf('a: !!str {x: 1}')).toEqual([['MS206', 2, 4]]);
  });
});

describe('parseFrontMatter: aliases (row 6)', () => {
  it('refuses any alias, once, at the first one', () => {
    const result = parse('a: &x hello\nb: *x\nc: *x');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS207', severity: 'error', file, line: 3, column: 4, message: "YAML aliases ('*x') are not supported in front matter" }),
    ]);
  });

  it('refuses a billion-laughs alias bomb with one error', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = parse(levels.join('\n'));
    expect(result.data).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['MS207', 3, 8]]);
  });

  it('allows an anchor that is never used', () => {
    expect(parse('a: &x hello').data).toEqual({ a: 'hello' });
  });
});

describe('parseFrontMatter: prototype keys (row 7)', () => {
  it.each([
    ['__proto__: {polluted: 1}', 2, 1],
    ['"__proto__": {polluted: 1}', 2, 1],
    ['constructor: {prototype: {polluted: 1}}', 2, 1],
    ['title: a\nimage:\n  prototype: x', 4, 3],
    ['<<: {__proto__: {polluted: 1}}', 2, 6],
    ['tags:\n  - __proto__: {polluted: 1}', 3, 5],
  ])('refuses %j and leaves Object.prototype alone', (yaml, line, column) => {
    const result = parse(yaml);
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'MS208', severity: 'error', file, line, column })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps `<<` as an ordinary key: merge keys are off', () => {
    expect(parse('<<: {title: merged}').data).toEqual({ '<<': { title: 'merged' } });
  });

  it('returns plain data whose own keys shadow nothing dangerous', () => {
    const data = parse('toString: text\nvalueOf: 1').data!;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    // Top-level keys are compared without regard to case, so they come back lowercased.
    expect(Object.keys(data)).toEqual(['tostring', 'valueof']);
  });
});
