import type { Post, PostNode } from '../graph/types.js';

// The common edit while writing: words in an article's body, below its
// summary. Nothing the graph, the lists or any other page shows changes, so
// the graph can be kept and only the article's own page (and the feeds, which
// carry its text) made again.

/** Whether two versions of a post differ only in what its own page shows (body, headings, positions). */
export function onlyBodyChanged(before: Post, after: Post): boolean {
  return (
    before.sourcePath === after.sourcePath &&
    before.slug === after.slug &&
    before.title === after.title &&
    +before.date === +after.date &&
    +(before.updated ?? 0) === +(after.updated ?? 0) &&
    before.summary === after.summary &&
    before.draft === after.draft &&
    before.featured === after.featured &&
    before.readingMinutes === after.readingMinutes &&
    same(before.authorIds, after.authorIds) &&
    same(before.categories, after.categories) &&
    same(before.tags, after.tags) &&
    same(before.aliases, after.aliases) &&
    JSON.stringify(before.image ?? null) === JSON.stringify(after.image ?? null)
  );
}

export type BodyFields = Pick<Post, 'html' | 'wordCount' | 'headings' | 'positions'>;

/** Puts a post's new body into its graph node; returns what it replaced, to undo a failed pass. */
export function replaceBody(node: PostNode, post: Post): BodyFields {
  const old: BodyFields = { html: node.html, wordCount: node.wordCount, headings: node.headings, positions: node.positions };
  Object.assign(node, { html: post.html, wordCount: post.wordCount, headings: post.headings, positions: post.positions });
  return old;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
