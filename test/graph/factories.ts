import type { Author, GraphInput, Page, Post } from '../../src/graph/types.js';

type DateLike = Date | string;

export type PostOverrides = Partial<Omit<Post, 'date' | 'updated'>> & { date?: DateLike; updated?: DateLike };

// Where makePost's front-matter keys sit, so diagnostics have a line to assert.
export const postPositions = {
  title: { line: 2, column: 1 },
  date: { line: 3, column: 1 },
  tags: { line: 4, column: 1 },
  categories: { line: 5, column: 1 },
  authors: { line: 6, column: 1 },
  slug: { line: 7, column: 1 },
};

const toDate = (value: DateLike) => (value instanceof Date ? value : new Date(value));

export function makePost(overrides: PostOverrides = {}): Post {
  const slug = overrides.slug ?? 'post';
  const { date, updated, ...rest } = overrides;
  return {
    sourcePath: `content/posts/${slug}.md`,
    slug,
    title: `Title of ${slug}`,
    authorIds: [],
    categories: [],
    tags: [],
    summary: '',
    draft: false,
    featured: false,
    aliases: [],
    params: {},
    html: '<p>text</p>',
    wordCount: 100,
    readingMinutes: 1,
    headings: [],
    positions: postPositions,
    ...rest,
    date: toDate(date ?? '2024-06-01T12:00:00Z'),
    updated: updated === undefined ? undefined : toDate(updated),
  };
}

export function makeAuthor(overrides: Partial<Author> = {}): Author {
  const id = overrides.id ?? 'maria';
  return { id, sourcePath: `content/authors/${id}.md`, name: `Name of ${id}`, social: {}, bioHtml: '', ...overrides };
}

export function makePage(overrides: Partial<Page> = {}): Page {
  const slug = overrides.slug ?? 'about';
  return { sourcePath: `content/pages/${slug}.md`, slug, title: slug, description: '', html: '', positions: { slug: { line: 3, column: 1 } }, ...overrides };
}

export function makeInput(overrides: Partial<GraphInput> = {}): GraphInput {
  return {
    posts: [],
    pages: [],
    authors: [],
    now: new Date('2025-01-01T00:00:00Z'),
    includeDrafts: false,
    includeFuture: false,
    ...overrides,
  };
}

/** `n` posts one day apart, newest first by index: post-0 is the newest. */
export function makePosts(n: number, each: (i: number) => PostOverrides = () => ({})): Post[] {
  return Array.from({ length: n }, (_, i) =>
    makePost({ slug: `post-${i}`, date: new Date(Date.UTC(2024, 11, 1) - i * 86_400_000), ...each(i) }),
  );
}
