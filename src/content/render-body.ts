import type { BodyRef } from '../graph/types.js';
import { expandHugoShortcodes, hasHugoShortcodes } from './hugo-shortcodes.js';
import { hasLiquid, renderLiquid, type LiquidSite } from './liquid-body.js';
import { renderMarkdown, type MarkdownInput, type MarkdownOptions, type MarkdownResult } from './markdown.js';
import type { BodyOutput } from './shortcode-call.js';

// An article body, as the generator it was written for would publish it:
// its template syntax first (Hugo shortcodes, or Liquid as Jekyll and
// Eleventy run it), then markdown. A body with Hugo shortcodes, or a file
// with Hugo's TOML front matter, is a Hugo body: Hugo never runs `{{ }}` in
// content, so neither does this (a post about Hugo templates keeps its
// examples). Everything else is rendered as Liquid when it has `{%` or `{{`.

export interface BodyOptions extends MarkdownOptions {
  liquid: LiquidSite;
}

export interface BodyInput extends MarkdownInput {
  frontMatter: Record<string, unknown>;
  /** The file's front matter is TOML (`+++`), as only Hugo writes it. */
  hugoFile: boolean;
}

export interface BodyResult extends MarkdownResult {
  refs: BodyRef[];
}

// A shortcode's inner content may hold shortcodes; real articles nest a few levels.
const maxNesting = 8;

export function renderBody(input: BodyInput, options: BodyOptions): BodyResult {
  const output: BodyOutput = { inserts: [], refs: [], diagnostics: [], params: input.frontMatter, renderInner };
  const hugo = input.hugoFile || hasHugoShortcodes(input.body);
  let depth = 0;

  function expand(body: string, bodyLine: number): string {
    // Placeholders are private-use characters; content cannot forge them.
    const clean = body.replace(/[\uE000\uE001]/g, '\uFFFD');
    if (hugo) return expandHugoShortcodes(clean, input.file, bodyLine, output);
    if (hasLiquid(clean)) return renderLiquid({ body: clean, file: input.file, bodyLine, frontMatter: input.frontMatter }, options.liquid, output);
    return clean;
  }

  function renderInner(markdown: string, line: number): string {
    if (depth >= maxNesting) return '';
    depth++;
    try {
      const inner = renderMarkdown({ body: hugo ? expand(markdown, line) : markdown, file: input.file, bodyLine: line, inserts: output.inserts }, options);
      output.diagnostics.push(...inner.diagnostics);
      return inner.html;
    } finally {
      depth--;
    }
  }

  const markdown = expand(input.body, input.bodyLine);
  const result = renderMarkdown({ body: markdown, file: input.file, bodyLine: input.bodyLine, inserts: output.inserts }, options);
  return { ...result, diagnostics: [...output.diagnostics, ...result.diagnostics], refs: output.refs };
}
