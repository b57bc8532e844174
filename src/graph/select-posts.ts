import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareCodeUnits } from './compare-names.js';
import { windowAround, type ClockWindow } from './clock-window.js';
import { keyPlace } from './key-place.js';
import { checkSlug } from '../text/slugify.js';
import { languageOf } from './translations.js';
import type { GraphInput, Post, PostNode } from './types.js';

export interface SelectedPosts {
  /** Published posts as unlinked nodes, newest first (ties: slug, then source path). */
  posts: PostNode[];
  skipped: { drafts: number; future: number };
  /** Slugs of drafts and future posts, so analytics keys naming them are not "unknown". */
  skippedSlugs: Set<string>;
  diagnostics: Diagnostic[];
}

/** Drops drafts and future posts (unless asked for) and posts whose slug is unsafe. */
export function selectPosts(input: GraphInput, language: string): SelectedPosts {
  const skipped = { drafts: 0, future: 0 };
  const skippedSlugs = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const posts: PostNode[] = [];
  const now = input.now.getTime();
  for (const post of input.posts) {
    if (post.draft && !input.includeDrafts) {
      skipped.drafts++;
      skippedSlugs.add(post.slug);
      continue;
    }
    if (post.date.getTime() > now && !input.includeFuture) {
      skipped.future++;
      skippedSlugs.add(post.slug);
      continue;
    }
    const problem = checkSlug(post.slug);
    if (problem) {
      diagnostics.push(error(codes.badSlug, `unsafe slug "${post.slug}": ${problem}`, { ...keyPlace(post, 'slug'), hint: 'use letters, digits and dashes, e.g. "border-crossings-2024"' }));
      continue;
    }
    posts.push(toNode(post, language));
  }
  posts.sort(newestFirst);
  return { posts, skipped, skippedSlugs, diagnostics };
}

/**
 * The clock window of selectPosts: a post that reaches the date test is shown
 * from its date on (and, with includeFuture, carries the "Scheduled" badge
 * until then), so the answer changes only at those dates.
 */
export function visibilityWindow(input: GraphInput): ClockWindow {
  return windowAround(input.now.getTime(), input.posts.filter((post) => !post.draft || input.includeDrafts).map((post) => post.date.getTime()));
}

// Object.assign, not spread: V8 builds `{ ...post, url }` ten times slower, which shows at 16,000 posts.
function toNode(post: Post, siteLanguage: string): PostNode {
  return Object.assign({}, post, { url: '', categoryTerms: [], tagTerms: [], authors: [], related: [], breadcrumb: [], ...languageOf(post, siteLanguage) });
}

export function newestFirst(a: Post, b: Post): number {
  return b.date.getTime() - a.date.getTime() || compareCodeUnits(a.slug, b.slug) || compareCodeUnits(a.sourcePath, b.sourcePath);
}
