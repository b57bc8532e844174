import commonmark from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../bench/gen-corpus.mjs';
import { mayContainAutolinkLiteral } from '../../src/content/remark-gfm-lite.js';
import { renderMarkdown } from '../../src/content/markdown.js';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

// Parsing without GFM autolink literals is an optimisation: for every input
// the HTML must equal what full remark-gfm produces.
const full = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
const reference = (markdown: string) => String(full.processSync(markdown));
const ours = (markdown: string) => renderMarkdown({ body: markdown, file: 'x.md', bodyLine: 1 }, { rawHtml: 'drop' });

function expectSameAsRemarkGfm(markdown: string): void {
  const result = ours(markdown);
  // Our pipeline drops unsafe links (with a warning): compare only where it did not.
  if (result.diagnostics.length > 0) return;
  // It also gives headings ids, which remark-gfm alone does not.
  expect(result.html.replace(/(<h[1-6]) id="[^"]*"/g, '$1'), markdown).toBe(reference(markdown));
}

describe('GFM without autolink literals', () => {
  it('gives remark-gfm\'s HTML for every CommonMark spec example', () => {
    const examples = (commonmark as { tests: { markdown: string }[] }).tests;
    expect(examples.length).toBeGreaterThan(600);
    for (const { markdown } of examples) expectSameAsRemarkGfm(markdown);
  });

  // 25 articles (a fixed seed) hold every block and inline construct the generator writes, checked below (the
  // first eight already do); each article is a few hundred words of them, so more articles repeat the same constructs.
  const articles = 25;
  it(`gives remark-gfm's HTML for ${articles} generated news articles, most parsed without autolink literals`, () => {
    const corpus = createCorpus(7);
    const constructs: Record<string, RegExp> = {
      heading: /^## /m,
      'bullet list': /^- /m,
      'ordered list': /^\d+\. /m,
      blockquote: /^> /m,
      table: /^\| .* \|$/m,
      strong: /\*\*\S/,
      emphasis: /(^|\s)_\S/,
      'inline code': /`\w+\(\)`/,
      'internal link': /\]\(\/posts\//,
      'external link': /\]\(https:\/\//,
    };
    const seen = new Set<string>();
    let lite = 0;
    for (let i = 0; i < articles; i++) {
      const body = corpus.post(i).text.split('\n---\n').slice(1).join('\n---\n');
      for (const [name, pattern] of Object.entries(constructs)) if (pattern.test(body)) seen.add(name);
      if (!mayContainAutolinkLiteral(body)) lite++;
      expectSameAsRemarkGfm(body);
    }
    expect([...seen].sort()).toEqual(Object.keys(constructs).sort());
    expect(lite).toBeGreaterThan(articles * 0.75);
  });

  it.each([
    'Visit www.unhcr.org for figures.',
    'See https://www.iom.int/ today.',
    'Write to tips@example.org.',
    'mailto:desk@example.org',
    '\\[not a link](https://example.org/x) and a bare one',
    '[^1](https://example.org/x)\n\n[^1]: note',
    '[text] (https://example.org/x) with a space',
    '[a](https://example.org/x "title") https://example.org/y',
    '| a | b |\n|---|---|\n| www.x.org | ~~y~~ |',
  ])('keeps autolink literals where they can occur: %s', (markdown) => {
    expect(mayContainAutolinkLiteral(markdown)).toBe(true);
    expectSameAsRemarkGfm(markdown);
  });

  it.each([
    'A [link](https://example.org/x) and ![img](https://example.org/i.png).',
    'An autolink <https://example.org/x> in angle brackets.',
    '| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n- [ ] task\n- [x] done\n\nNote[^n].\n\n[^n]: Footnote.',
  ])('parses without them when none can occur: %s', (markdown) => {
    expect(mayContainAutolinkLiteral(markdown)).toBe(false);
    expectSameAsRemarkGfm(markdown);
  });
});
