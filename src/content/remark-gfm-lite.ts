import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

// GFM's autolink literals (bare www. / https:// / e-mail addresses) cost more
// than all of its other syntax together: they are looked for in every piece
// of text. A document that cannot contain one is parsed without them; the
// result is the same, which test/content/gfm-lite.test.ts checks on the
// CommonMark spec examples and a generated corpus of news articles.

/** remark-gfm without autolink literals: tables, strikethrough, footnotes, task lists. */
export function remarkGfmLite(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

// Inline links and images, and <angle> autolinks, whose URLs are not literals.
const linkDestinations = /(?<!\\)!?\[(?!\^)[^\]\n]*\]\([^)\s]*\)|<[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*>/g;
// What an autolink literal must contain: www., a scheme, or an e-mail's @.
const literalMarkers = /www\.|:\/\/|@|mailto:|xmpp:/i;

/** False only when no autolink literal can occur in `markdown`: then remarkGfmLite gives the same tree as remark-gfm. */
export function mayContainAutolinkLiteral(markdown: string): boolean {
  if (!literalMarkers.test(markdown)) return false;
  return literalMarkers.test(markdown.replace(linkDestinations, ''));
}
