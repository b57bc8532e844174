import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/decode-source.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';

const file = 'content/posts/x.md';
const parse = (text: string) => parseFrontMatter(text, file);
const codesOf = (text: string) => parse(text).diagnostics.map((d) => [d.code, d.line, d.column]);

describe('parseFrontMatter: splitting', () => {
  it('parses the fields, records key positions in file coordinates and returns the body', () => {
    const result = parse('---\ntitle: Hello\ntags: [asylum, greece]\nimage:\n  src: /a.jpg\n  alt: A boat\n---\nBody\n');
    expect(result.data).toEqual({ title: 'Hello', tags: ['asylum', 'greece'], image: { src: '/a.jpg', alt: 'A boat' } });
    expect(result.positions).toEqual({ title: { line: 2, column: 1 }, tags: { line: 3, column: 1 }, image: { line: 4, column: 1 } });
    expect(result.pathPositions).toMatchObject({
      'tags.0': { line: 3, column: 8 },
      'tags.1': { line: 3, column: 16 },
      'image.src': { line: 5, column: 3 },
      'image.alt': { line: 6, column: 3 },
    });
    expect(result).toMatchObject({ body: 'Body\n', bodyLine: 8, diagnostics: [] });
  });

  it('gives block list elements their own positions', () => {
    expect(parse('---\ntags:\n  - a\n  - b\n---\n').pathPositions['tags.1']).toEqual({ line: 4, column: 5 });
  });

  it('treats a file without front matter as all body', () => {
    expect(parse('# Title\n\ntext\n')).toEqual({
      data: {},
      positions: {},
      pathPositions: {},
      valuePositions: {},
      body: '# Title\n\ntext\n',
      bodyLine: 1,
      diagnostics: [],
    });
  });

  it('accepts trailing spaces on the fences, `---yaml` and a `...` closing line', () => {
    expect(parse('--- \t\ntitle: a\n---  \nbody').data).toEqual({ title: 'a' });
    expect(parse('---yaml\ntitle: a\n...\nbody')).toMatchObject({ data: { title: 'a' }, body: 'body', bodyLine: 4 });
  });

  it('accepts empty front matter and one made only of comments', () => {
    expect(parse('---\n---\nbody')).toMatchObject({ data: {}, body: 'body', bodyLine: 3 });
    expect(parse('---\n# nothing yet\n---\n').data).toEqual({});
  });

  it('closes at the first fence line; later `---` lines belong to the body', () => {
    expect(parse('---\ntitle: a\n---\ntext\n---\nmore\n')).toMatchObject({ body: 'text\n---\nmore\n', bodyLine: 4 });
  });

  it('reports front matter that is never closed at 1:1 (row 1)', () => {
    const result = parse('---\ntitle: a\n\nbody text\n');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS202', severity: 'error', file, line: 1, column: 1, message: 'front matter is never closed' }),
    ]);
    expect(codesOf('---\n')).toEqual([['MS202', 1, 1]]);
  });

  it('gives the same result for BOM and CRLF input as for LF (row 12)', () => {
    const lf = '---\ntitle: Hello\ntags: [a]\n---\nBody\n';
    const crlf = new TextEncoder().encode(`\uFEFF${lf.replace(/\n/g, '\r\n')}`);
    const decoded = decodeSource(crlf, file);
    expect(parse(decoded.text!)).toEqual(parse(lf));
  });
});

describe('parseFrontMatter: executable front matter (row 4)', () => {
  it.each(['---js', '---javascript', '--- js', '---coffee', '---JSON'])('refuses %s without running it', (fence) => {
    const result = parse(`${fence}\n{ title: (globalThis.ranFrontMatter = 1) }\n---\nbody\n`);
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS205', severity: 'error', file, line: 1, column: 1, hint: expect.any(String) }),
    ]);
    expect(result.diagnostics[0].message).toMatch(/^executable front matter is not supported/);
    expect((globalThis as Record<string, unknown>).ranFrontMatter).toBeUndefined();
    expect(result).toMatchObject({ body: 'body\n', bodyLine: 4 });
  });

  it('accepts a longer run of dashes as the YAML fence, as Jekyll themes write it', () => {
    expect(parse('-----\ntitle: a\n-----\ntext\n')).toMatchObject({ data: { title: 'a' }, body: 'text\n', bodyLine: 4 });
  });
});

describe('parseFrontMatter: YAML errors (rows 2, 3)', () => {
  it('reports `title: a: b` at its position in the file', () => {
    const result = parse('---\ntitle: a: b\n---\n');
    expect(result.data).toBeUndefined();
    expect(codesOf('---\ntitle: a: b\n---\n')).toEqual([['MS203', 2, 8]]);
    expect(result.diagnostics[0].message).toMatch(/^invalid YAML: /);
    expect(result.diagnostics[0].hint).toMatch(/quotes/);
  });

  it('reports tab indentation at the tab', () => {
    expect(codesOf('---\ntitle: a\nimage:\n\tsrc: x.jpg\n---\n')).toContainEqual(['MS203', 4, 1]);
    expect(parse('---\nimage:\n\tsrc: x.jpg\n---\n').diagnostics[0].hint).toMatch(/spaces/);
  });

  it('reports one error per broken entry, and reads the entries between them', () => {
    expect(codesOf('---\ntitle: a: b\nsummary: ok\nimage:\n\tsrc: x\n---\n')).toEqual([
      ['MS203', 2, 8],
      ['MS203', 5, 1],
    ]);
    expect(parse('---\ntitle: a: b\nsummary: ok\nimage:\n\tsrc: x\n---\n').partial).toEqual({ summary: 'ok' });
  });

  it('reports a duplicate key at the second one, naming it', () => {
    const result = parse('---\ntags: [a]\ntitle: t\ntags: [b]\n---\n');
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'MS204', file, line: 4, column: 1, message: "duplicate key 'tags' in front matter" }),
    ]);
    expect(codesOf('---\nimage:\n  src: a\n  src: b\n---\n')).toEqual([['MS204', 4, 3]]);
  });

  it('requires the top level to be a mapping', () => {
    expect(codesOf('---\n- a\n- b\n---\n')).toEqual([['MS203', 2, 1]]);
    expect(codesOf('---\njust some text\n---\n')).toEqual([['MS203', 2, 1]]);
  });

  it('refuses keys that are lists or mappings', () => {
    expect(codesOf('---\n? [a, b]\n: c\n---\n')).toEqual([['MS203', 2, 3]]);
  });
});
