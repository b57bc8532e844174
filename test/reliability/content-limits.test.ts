import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { contentOptionsOf, parsePost, type ParsedSource } from '../../src/content/parse-source.js';
import { checkContentLimits, contentLimits } from '../../src/content/check-content-limits.js';

// Issue 11 item 6 and RELIABILITY rows 6 and 14: inputs whose parse cost grows
// faster than their size are refused by a line scan before the parse.

const options = contentOptionsOf(makeConfig({ timeZone: 'UTC' }));
const head = '---\ntitle: Deep\ndate: 2024-11-06\n---\n';

function parse(text: string) {
  return parsePost({ path: 'content/posts/x.md', bytes: new TextEncoder().encode(text) }, options) as Extract<ParsedSource, { kind: 'post' }>;
}

function only(text: string) {
  const { diagnostics, post } = parse(text);
  expect(post).toBeUndefined();
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0];
}

describe('limits checked before parsing', () => {
  it('refuses a 20 KB list nested 10,000 levels at its line', () => {
    expect(only(`${head}Intro.\n\n${'- '.repeat(10_000)}x\n`)).toMatchObject({ code: 'MS217', file: 'content/posts/x.md', line: 7, column: 1 });
  });

  it('refuses 10,000 nested blockquotes, with or without spaces', () => {
    expect(only(`${head}${'>'.repeat(10_000)} x\n`)).toMatchObject({ code: 'MS217', line: 5 });
    expect(only(`${head}${'> '.repeat(10_000)}x\n`)).toMatchObject({ code: 'MS217', line: 5 });
  });

  it('refuses a 1,000 × 1,000 table at the line it starts', () => {
    const row = `|${' a |'.repeat(1000)}\n`;
    const table = row + `|${'---|'.repeat(1000)}\n` + row.repeat(998);
    expect(only(`${head}Before.\n\n${table}`)).toMatchObject({ code: 'MS218', line: 7, message: 'a table has more than 50,000 cells' });
  });

  it('refuses an alias bomb in front matter before YAML reads it', () => {
    const bomb = `---\ntitle: x\na: &a [x]\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: *a`).join('\n')}\n---\nBody\n`;
    expect(only(bomb)).toMatchObject({ code: 'MS218', line: 1, message: 'front matter is larger than 64 KB' });
    const small = `---\ntitle: x\na: &a [x]\n${Array.from({ length: 200 }, (_, i) => `k${i}: *a`).join('\n')}\n---\nBody\n`;
    expect(only(small)).toMatchObject({ code: 'MS218', line: 1, message: 'front matter has 201 YAML anchors or aliases; at most 100 are read' });
  });

  it('refuses a file over 5 MB', () => {
    expect(only(`${head}${'word '.repeat(1_100_000)}\n`)).toMatchObject({ code: 'MS218', line: 1, message: 'the file is larger than 5 MB' });
  });

  it('reports at most 20 problems per file, then how many more', () => {
    const keys = Array.from({ length: 5000 }, () => 'tags: [a]').join('\n');
    const { diagnostics } = parse(`---\ntitle: x\ndate: 2024-11-06\n${keys}\n---\nBody\n`);
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics.slice(0, 20).every((d) => d.code === 'MS204' && d.line !== undefined)).toBe(true);
    expect(diagnostics[20]).toMatchObject({ code: 'MS219', severity: 'warning', message: '4979 more problems in this file are not shown' });
  });

  it('lets ordinary articles through: nested lists, quotes, tables, code', () => {
    const text = `${head}> quote\n> > reply\n\n- a\n  - b\n    - c\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\`\`\`\nconst x = a | b;\n\`\`\`\n`;
    expect(checkContentLimits(text, 'x.md')).toEqual([]);
    const { post, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(post?.html).toContain('<table>');
  });

  it('keeps every limit documented in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const text of ['5 MB', '64 KB', '100 YAML anchors', '100 levels', '50,000 cells', '20 problems']) expect(readme).toContain(text);
    expect(contentLimits.nesting).toBe(100);
  });
});
