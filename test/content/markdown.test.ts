import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/content/markdown.js';

const render = (body: string, rawHtml: 'drop' | 'sanitize' = 'drop') => renderMarkdown({ body, file: 'content/posts/a.md', bodyLine: 6 }, { rawHtml });

describe('renderMarkdown', () => {
  it('renders GFM tables, strikethrough and autolinks', () => {
    const { html } = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ see https://example.org');
    expect(html).toContain('<table>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.org">https://example.org</a>');
  });

  it('gives headings unique ids and lists them', () => {
    const { html, headings } = render('## São Paulo\n\ntext\n\n## São Paulo\n\n### Why it matters');
    expect(html).toContain('<h2 id="sao-paulo">São Paulo</h2>');
    expect(html).toContain('<h2 id="sao-paulo-1">São Paulo</h2>');
    expect(headings).toEqual([
      { depth: 2, id: 'sao-paulo', text: 'São Paulo' },
      { depth: 2, id: 'sao-paulo-1', text: 'São Paulo' },
      { depth: 3, id: 'why-it-matters', text: 'Why it matters' },
    ]);
  });

  it('counts words and keeps the first paragraph as plain text', () => {
    const result = render('## Heading\n\nThe *first* paragraph, with `code`.\n\nSecond one here.');
    expect(result.firstParagraph).toBe('The first paragraph, with code.');
    expect(result.wordCount).toBe(9);
  });

  it('drops raw HTML by default and warns at the line in the source file', () => {
    const result = render('Intro\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> more');
    expect(result.html).not.toContain('<script');
    expect(result.html).not.toContain('onerror');
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['MS212', 8, 1],
      ['MS212', 10, 6],
    ]);
  });

  it('keeps safe HTML and strips script when rawHtml is "sanitize", warning at each removal', () => {
    const { html, diagnostics } = render('<details><summary>More</summary>Hidden</details>\n\n<script>x()</script><iframe src="javascript:alert(1)"></iframe>', 'sanitize');
    expect(html).toContain('<details><summary>More</summary>Hidden</details>');
    expect(html).not.toContain('script');
    expect(html).not.toContain('iframe');
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['MS242', 8, 1],
      ['MS243', 8, 21],
    ]);
  });

  it.each([
    '[a](javascript:alert(1))',
    '[a](JaVa&#x09;script:alert(1))',
    '[a](data:text/html,<script>alert(1)</script>)',
    '<javascript:alert(1)>',
    '![x](vbscript:msgbox)',
  ])('removes the unsafe link target in %s and warns', (md) => {
    const { html, diagnostics } = render(md);
    expect(html).not.toMatch(/="\s*(javascript|data|vbscript)/i);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'MS213', file: 'content/posts/a.md', line: 6, column: 1 });
  });

  it('keeps http, mailto and relative links', () => {
    const { html, diagnostics } = render('[a](https://x.org) [b](mailto:a@b.org) [c](/2024/11/x/) [d](#top)');
    expect(html).toContain('href="https://x.org"');
    expect(html).toContain('href="mailto:a@b.org"');
    expect(html).toContain('href="/2024/11/x/"');
    expect(html).toContain('href="#top"');
    expect(diagnostics).toEqual([]);
  });

  it('renders reasonable nesting', () => {
    expect(render(`${'> '.repeat(20)}deep`).html).toContain('deep');
  });

  it.each([
    ['blockquotes', `${'>'.repeat(10_000)} deep`],
    ['lists', Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
  ])('reports deeply nested %s as an error instead of overflowing the stack', (_, body) => {
    const result = render(body);
    expect(result.html).toBe('');
    expect(result.diagnostics).toMatchObject([{ code: 'MS217', severity: 'error', file: 'content/posts/a.md' }]);
  });
});
