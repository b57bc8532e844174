import { codes } from '../diagnostics/codes.js';
import { hasErrors, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Author, ImageRef, Page, Post } from '../graph/types.js';
import { createFieldReader, type FieldContext, type FieldReader } from './front-matter-reader.js';
import type { FrontMatter } from './front-matter.js';
import { hiddenSegmentOf } from '../paths/hidden-segment.js';

/** The Post properties written in front matter; the caller derives slug defaults, summary, html… */
export type PostFields = Pick<Post, 'title' | 'date' | 'updated' | 'authorIds' | 'categories' | 'tags' | 'image' | 'draft' | 'featured' | 'aliases'> & {
  summary?: string;
  slug?: string;
};
export type PageFields = Pick<Page, 'title'> & { slug?: string; description?: string };
export type AuthorFields = Pick<Author, 'name' | 'role' | 'avatar' | 'email' | 'social'>;

export interface FieldsResult<T> {
  /** Absent when any error was reported. */
  fields?: T;
  diagnostics: Diagnostic[];
}

type FrontMatterInput = Pick<FrontMatter, 'data' | 'pathPositions'> & Partial<Pick<FrontMatter, 'valuePositions'>>;

const postKeys = [
  'title', 'date', 'updated', 'author', 'authors', 'category', 'categories', 'tags',
  'summary', 'image', 'draft', 'featured', 'slug', 'aliases',
] as const;
const imageKeys = ['src', 'alt', 'caption', 'credit'] as const;
const pageKeys = ['title', 'slug', 'description'] as const;
const authorKeys = ['name', 'role', 'avatar', 'email', 'social'] as const;
const maxTags = 100;

const imageHint = 'write it as a mapping:\n  image:\n    src: /images/boat.jpg\n    alt: What the picture shows';
const altHint = 'describe the picture for readers who cannot see it, e.g. alt: Rescue boat at dawn';

export function readPostFields(fm: FrontMatterInput, file: string, options: { timeZone: string }): FieldsResult<PostFields> {
  return readWith(fm, file, (read, ctx) => {
    const title = read.string('title', { required: true, hint: 'add a line such as "title: Border crossings rise"' });
    const date = read.date('date', options.timeZone, { required: true });
    const updated = read.date('updated', options.timeZone);
    if (date && updated && updated < date) {
      ctx.diagnostics.push(
        warning(codes.invalidDate, `'updated' (${updated.toISOString()}) is before 'date' (${date.toISOString()})`, {
          file,
          ...ctx.pathPositions.updated,
          hint: "check the year; 'updated' is when the article last changed",
        }),
      );
    }
    const fields = {
      title,
      date,
      updated,
      authorIds: readOneOrMany(read, 'author', 'authors', {}),
      categories: readOneOrMany(read, 'category', 'categories', { term: true }),
      tags: read.list('tags', { term: true, max: maxTags }) ?? [],
      summary: read.string('summary'),
      image: readImage(read),
      draft: read.boolean('draft') ?? false,
      featured: read.boolean('featured') ?? false,
      slug: read.string('slug'),
      aliases:
        read.list('aliases', {
          check: (alias) => (alias.startsWith('/') ? hiddenAliasProblem(alias) : `entries must start with '/' (got "${alias}")`),
          hint: 'write old addresses as site-relative paths, e.g. /2019/05/old-title/',
        }) ?? [],
    };
    read.warnUnknownKeys(postKeys);
    return title !== undefined && date !== undefined ? { ...fields, title, date } : undefined;
  });
}

export function readPageFields(fm: FrontMatterInput, file: string): FieldsResult<PageFields> {
  return readWith(fm, file, (read) => {
    const title = read.string('title', { required: true, hint: 'add a line such as "title: About us"' });
    const fields = { slug: read.string('slug'), description: read.string('description') };
    read.warnUnknownKeys(pageKeys);
    return title === undefined ? undefined : { title, ...fields };
  });
}

export function readAuthorFields(fm: FrontMatterInput, file: string): FieldsResult<AuthorFields> {
  return readWith(fm, file, (read) => {
    const name = read.string('name', { required: true, hint: 'add a line such as "name: Amira Haddad"' });
    const fields = {
      role: read.string('role'),
      avatar: read.string('avatar'),
      email: read.string('email'),
      social: readSocial(read),
    };
    read.warnUnknownKeys(authorKeys);
    return name === undefined ? undefined : { name, ...fields };
  });
}

/** Runs `readAll` over the data; no fields come back if anything was an error. */
function readWith<T>(fm: FrontMatterInput, file: string, readAll: (read: FieldReader, ctx: FieldContext) => T | undefined): FieldsResult<T> {
  // No data means the front matter itself failed, and that is already reported.
  if (!fm.data) return { diagnostics: [] };
  const ctx: FieldContext = { file, pathPositions: fm.pathPositions, valuePositions: fm.valuePositions ?? {}, diagnostics: [] };
  const fields = readAll(createFieldReader(fm.data, '', ctx), ctx);
  // Reported in file order, whatever order the fields were read in.
  ctx.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return hasErrors(ctx.diagnostics) || fields === undefined ? { diagnostics: ctx.diagnostics } : { fields, diagnostics: ctx.diagnostics };
}

/**
 * `author: id` or `authors: [ids]` (likewise category/categories); writing both
 * is an error. Either form takes one entry or a list.
 */
function readOneOrMany(read: FieldReader, one: string, many: string, options: { term?: boolean }): string[] {
  if (read.has(one) && read.has(many)) {
    const later = read.keys().indexOf(one) > read.keys().indexOf(many) ? one : many;
    read.fail(codes.fieldType, later, `use either '${one}' or '${many}', not both`, `put every entry in '${many}'`);
    return [];
  }
  return read.list(read.has(many) ? many : one, options) ?? [];
}

function readImage(read: FieldReader): ImageRef | undefined {
  const image = read.mapping('image', imageHint);
  if (!image) return undefined;
  const src = image.string('src', { required: true, hint: 'add the picture path, e.g. src: /images/boat.jpg' });
  const alt = image.string('alt', { required: true, hint: altHint });
  const caption = image.string('caption');
  const credit = image.string('credit');
  image.warnUnknownKeys(imageKeys);
  if (src === undefined || alt === undefined) return undefined;
  return { src, alt, ...(caption === undefined ? {} : { caption }), ...(credit === undefined ? {} : { credit }) };
}

function readSocial(read: FieldReader): Record<string, string> {
  const social = read.mapping('social', 'write it as a mapping:\n  social:\n    x: https://x.com/handle');
  const links: Record<string, string> = {};
  if (!social) return links;
  for (const network of social.keys()) {
    const url = social.string(network);
    if (url === undefined) continue;
    if (/^https?:\/\/[^\s/]+/.test(url)) links[network] = url;
    else social.fail(codes.fieldType, network, `'social.${network}' must be a web address starting with https://`, `e.g. ${network}: https://example.com/you`);
  }
  return links;
}

function hiddenAliasProblem(alias: string): string | undefined {
  const hidden = hiddenSegmentOf(alias);
  return hidden && `entries must not name hidden files or folders ("${hidden}" in "${alias}"): hosts read dotfiles as configuration`;
}
