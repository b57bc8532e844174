// The data the pure core works on. Content stages produce Post/Page/Author;
// buildSiteGraph links them into a SiteGraph that templates and outputs read.
import type { Position } from '../diagnostics/diagnostic.js';
import type { RankedList } from './page-lists.js';
import type { TextDirection } from '../text/language.js';

export interface ImageRef {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** Set by the image stage (src/images/) for a picture it found: its size and resized files. */
  sized?: SizedImage;
  /** Set by the image stage: the 1200×630 raster for social previews. */
  social?: SocialImage;
}

/**
 * A picture as the image stage made it, plain data for templates: the size of
 * the source and its resized files. URLs are site-relative. An SVG or GIF has
 * no resized files (`srcset` empty, `sources` none).
 */
export interface SizedImage {
  /** The fallback `<img src>`: a resized file in the source's own format, or the source itself. */
  src: string;
  width: number;
  height: number;
  /** `url 400w, url 800w, …` in the source's format. */
  srcset: string;
  /** Other formats, best first: `{ type: 'image/avif', srcset }`. */
  sources: { type: string; srcset: string }[];
}

/** A raster made for Open Graph and X cards. */
export interface SocialImage {
  /** Site-relative URL. */
  src: string;
  width: number;
  height: number;
}

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/**
 * What a body's templates asked for that only the render stage can supply:
 * the URL of another post (`{% post_url %}`, `{{< ref >}}`), written into the
 * HTML as `ms-ref:<index>`, or a shortcode partial, written as
 * `<ms-shortcode data-ref="<index>"></ms-shortcode>`. `file:line:column` is the tag's place.
 */
export type BodyRef =
  | { kind: 'link'; tag: string; target: string; file: string; line: number; column: number }
  | { kind: 'shortcode'; name: string; named: Record<string, string>; positional: string[]; innerHtml: string; file: string; line: number; column: number };

/** Where a body's HTML holds a BodyRef: group 1 is a shortcode's index, group 2 a link's. */
export const bodyRefMarkers = /<ms-shortcode data-ref="(\d+)"><\/ms-shortcode>|ms-ref:(\d+)/g;

/** Where each top-level front-matter key sits in the source file (file coordinates). */
export type KeyPositions = Record<string, Position>;

export interface Post {
  /** Relative to the site root, forward slashes: `content/posts/x.md`. */
  sourcePath: string;
  slug: string;
  title: string;
  date: Date;
  updated?: Date;
  /** Author ids or free-text names as written; resolved against author files by the graph. */
  authorIds: string[];
  /** Web addresses written with free-text names (`[Ana Ruiz](https://…)`), by name. */
  authorLinks?: Record<string, string>;
  /** Display names as written; the first is the primary category. */
  categories: string[];
  tags: string[];
  /** Plain text: the editor's summary, or an excerpt of the first paragraph (cards, feeds, meta). */
  summary: string;
  /** The summary as an editor wrote it (front matter summary, description or excerpt), shown above the story; absent when derived or equal to the first paragraph. */
  standfirst?: string;
  image?: ImageRef;
  draft: boolean;
  featured: boolean;
  /** Old site-relative URLs that should redirect here. */
  aliases: string[];
  /**
   * The whole URL from front matter (`permalink:` / `url:`), possibly with
   * Jekyll placeholders (`:year`, `:title`…); the site's pattern otherwise.
   */
  permalink?: string;
  /** Front-matter fields this generator does not know, kept for templates as `post.params.<key>` (Hugo's convention). */
  params: Record<string, unknown>;
  /** The language as written (a canonical BCP 47 tag); the graph gives posts without one the site's language. */
  lang?: string;
  /** Written in front matter to override the direction of `lang`. */
  dir?: TextDirection;
  /** Posts (or pages) with one translationKey are translations of one story. */
  translationKey?: string;
  html: string;
  bodyRefs?: BodyRef[];
  wordCount: number;
  readingMinutes: number;
  headings: Heading[];
  positions: KeyPositions;
}

export interface Page extends Pick<Post, 'lang' | 'dir' | 'translationKey'> {
  sourcePath: string;
  slug: string;
  title: string;
  description: string;
  html: string;
  bodyRefs?: BodyRef[];
  positions: KeyPositions;
}

export interface Author {
  id: string;
  sourcePath: string;
  name: string;
  role?: string;
  avatar?: string;
  email?: string;
  social: Record<string, string>;
  bioHtml: string;
}

/** Views per article from the newsroom's analytics export. */
export interface PopularityEntry {
  /** A site-relative URL (`/2024/11/x/`) or a slug. */
  key: string;
  views: number;
  /** Views per day, `YYYY-MM-DD` → count, when the export has them. */
  daily?: Record<string, number>;
  position?: Position;
}

export interface PopularityData {
  file: string;
  entries: PopularityEntry[];
}

export type TaxonomyKind = 'tag' | 'category';

export interface Term {
  kind: TaxonomyKind;
  name: string;
  slug: string;
  /** Site-relative, starting and ending with `/` (no base path). */
  url: string;
  description?: string;
  /** Newest first; a category includes its descendants' posts. */
  posts: PostNode[];
  parent?: Term;
  children: Term[];
}

export interface AuthorNode extends Author {
  slug: string;
  url: string;
  posts: PostNode[];
}

export interface Crumb {
  name: string;
  url: string;
}

/** What the graph adds about language: every post and page has one, and a direction. */
export interface LanguageNode<T> {
  lang: string;
  dir: TextDirection;
  /** The other translations of the same story (same translationKey), by language. */
  translations: T[];
}

export interface PostNode extends Omit<Post, 'lang' | 'dir'>, LanguageNode<PostNode> {
  url: string;
  primaryCategory?: Term;
  categoryTerms: Term[];
  tagTerms: Term[];
  authors: AuthorNode[];
  related: PostNode[];
  /** Older neighbour by date. */
  prev?: PostNode;
  /** Newer neighbour by date. */
  next?: PostNode;
  /** Home » ancestors of the primary category » category (the post itself is not included). */
  breadcrumb: Crumb[];
  /** Set by the image stage when it gave the body's pictures sizes: the HTML then also depends on those image files. */
  bodyImages?: string[];
}

export interface PageNode extends Omit<Page, 'lang' | 'dir'>, LanguageNode<PageNode> {
  url: string;
  /** As PostNode's. */
  bodyImages?: string[];
}

export interface SiteGraph {
  /** Published posts, newest first (ties: slug). */
  posts: PostNode[];
  pages: PageNode[];
  authors: AuthorNode[];
  /** Most used first (ties: name). */
  tags: Term[];
  /** Top-level categories first by name, each followed by nothing: use children for the tree. Sorted by name. */
  categories: Term[];
  lists: Record<string, PostNode[]>;
  /** Every list's candidates, best first, in config order: what pages pick their own lists from (pickPageLists). */
  rankedLists: RankedList[];
  skipped: { drafts: number; future: number };
  now: Date;
  /** Set by the image stage: the social-preview raster of pages without a picture of their own (the logo, or a title card). */
  socialImage?: SocialImage;
}

export interface GraphInput {
  posts: Post[];
  pages: Page[];
  authors: Author[];
  popularity?: PopularityData;
  now: Date;
  includeDrafts: boolean;
  includeFuture: boolean;
}
