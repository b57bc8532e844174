import { codes } from '../diagnostics/codes.js';
import { hasErrors, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Author, Page, Post } from '../graph/types.js';
import { firstWritten, flatImageKeys, imageKeys, isFileTimeDate, permalinkProblem, readBylines, readImage, resolveAlias, splitCategories } from './front-matter-compat.js';
import { parseDate } from './parse-date.js';
import { createFieldReader, type FieldContext, type FieldReader } from './front-matter-reader.js';
import type { FrontMatter } from './front-matter.js';
import { hiddenSegmentOf } from '../paths/hidden-segment.js';
import { readLanguageTag } from '../text/language.js';

/** The Post properties written in front matter; the caller derives slug defaults, summary, html… */
export type PostFields = Pick<Post, 'title' | 'date' | 'updated' | 'authorIds' | 'authorLinks' | 'categories' | 'tags' | 'image' | 'draft' | 'featured' | 'aliases' | 'permalink' | 'params'> & {
  summary?: string;
  slug?: string;
  language: LanguageFields;
};
export type PageFields = Pick<Page, 'title'> & { slug?: string; description?: string; language: LanguageFields };
/** `lang`, `dir` and `translationKey` (read as `translationkey`: keys are compared without regard to case), those written only. */
export type LanguageFields = Pick<Post, 'lang' | 'dir' | 'translationKey'>;
export type AuthorFields = Pick<Author, 'name' | 'role' | 'avatar' | 'email' | 'social'>;

export interface FieldsResult<T> {
  /** Absent when any error was reported. */
  fields?: T;
  diagnostics: Diagnostic[];
}

type FrontMatterInput = Pick<FrontMatter, 'data' | 'pathPositions'> & Partial<Pick<FrontMatter, 'valuePositions' | 'partial'>>;

export interface PostFieldOptions {
  timeZone: string;
  /** The date of a `YYYY-MM-DD-` file name, used when front matter has none. */
  fileDate?: string;
  /** Where relative aliases resolve: the post's folder as a site path, `/posts/`. */
  aliasFolder?: string;
  /** The site's own front-matter keys: kept in params without a warning. */
  ignoreKeys?: readonly string[];
}

const languageKeys = ['lang', 'dir', 'translationkey'];
// Each field with the spellings Jekyll, Hugo and Eleventy use for it, the first one preferred.
const updatedKeys = ['updated', 'lastmod', 'last_modified_at', 'modified'];
const summaryKeys = ['summary', 'description', 'excerpt'];
const permalinkKeys = ['permalink', 'url'];
const postKeys = [
  'title', 'date', ...updatedKeys, 'author', 'authors', 'category', 'categories', 'tags', ...summaryKeys,
  ...imageKeys, ...flatImageKeys, 'draft', 'published', 'featured', 'slug', ...permalinkKeys, 'aliases', 'redirect_from', ...languageKeys,
];
const pageKeys = ['title', 'slug', 'description', ...languageKeys];
const authorKeys = ['name', 'role', 'avatar', 'email', 'social'] as const;
const maxTags = 100;
// Written in nearly every Jekyll and Eleventy post, and meaningless here (the
// theme picks the layout): kept in params without a warning that would bury the real ones.
const silentPeerKeys = ['layout'];
const aliasHint = 'write old addresses as site paths, e.g. /2019/05/old-title/, or relative to the post\'s folder, e.g. old-title/';

export function readPostFields(fm: FrontMatterInput, file: string, options: PostFieldOptions): FieldsResult<PostFields> {
  return readWith(fm, file, (read, ctx) => {
    const title = read.string('title', { required: true, hint: 'add a line such as "title: Border crossings rise"' });
    const date = isFileTimeDate(read.value('date')) ? fileTimeDate(read, options) : (read.date('date', options.timeZone, { required: options.fileDate === undefined }) ?? (read.has('date') ? undefined : fileDate(options)));
    const updatedKey = firstWritten(read, updatedKeys);
    const updated = updatedKey === undefined ? undefined : read.date(updatedKey, options.timeZone);
    if (date && updated && updated < date) {
      ctx.diagnostics.push(
        warning(codes.invalidDate, `'${updatedKey}' (${updated.toISOString()}) is before 'date' (${date.toISOString()})`, {
          file,
          ...ctx.pathPositions[updatedKey!],
          hint: `check the year; '${updatedKey}' is when the article last changed`,
        }),
      );
    }
    const bylines = readBylines(readOneOrMany(read, 'author', 'authors', {}));
    const links = Object.fromEntries(bylines.filter((b) => b.link).map((b) => [b.name, b.link!]));
    const summaryKey = firstWritten(read, summaryKeys);
    const permalinkKey = firstWritten(read, permalinkKeys);
    // Eleventy's `permalink: false` and Jekyll's `published: false` both mean: not published.
    const unpublished = (permalinkKey !== undefined && read.value(permalinkKey) === false) || read.boolean('published') === false;
    const fields = {
      title,
      date,
      updated,
      authorIds: bylines.map((b) => b.name),
      ...(Object.keys(links).length > 0 ? { authorLinks: links } : {}),
      categories: readCategories(read),
      tags: read.list('tags', { term: true, max: maxTags }) ?? [],
      summary: summaryKey === undefined ? undefined : read.string(summaryKey),
      image: readImage(read),
      draft: (read.boolean('draft') ?? false) || unpublished,
      featured: read.boolean('featured') ?? false,
      slug: read.string('slug'),
      permalink: permalinkKey === undefined || unpublished ? undefined : readPermalink(read, permalinkKey),
      aliases: readAliases(read, options.aliasFolder ?? '/'),
      language: readLanguageFields(read),
      params: Object.fromEntries(read.keys().filter((k) => !postKeys.includes(k)).map((k) => [k, read.value(k)])),
    };
    read.warnUnknownKeys(postKeys, { ignore: [...silentPeerKeys, ...(options.ignoreKeys ?? [])], keptIn: 'post.params' });
    return title !== undefined && date !== undefined ? { ...fields, title, date } : undefined;
  });
}

/** `date: Last Modified` (Eleventy): the file name's date, with a warning; without one, an error. */
function fileTimeDate(read: FieldReader, options: PostFieldOptions): Date | undefined {
  const date = fileDate(options);
  const words = String(read.value('date'));
  if (date) read.warn(codes.invalidDate, 'date', `'date: ${words}' depends on when the file was copied; the date in the file name is used`, `write the date, e.g. date: ${options.fileDate}`);
  else read.fail(codes.invalidDate, 'date', `'date: ${words}' depends on when the file was copied, so it cannot date an article`, 'write the date, e.g. date: 2021-06-02');
  return date;
}

function fileDate(options: PostFieldOptions): Date | undefined {
  return options.fileDate === undefined ? undefined : parseDate(options.fileDate, options.timeZone);
}

function readCategories(read: FieldReader): string[] {
  const key = read.has('categories') ? 'categories' : 'category';
  return splitCategories(read, key, readOneOrMany(read, 'category', 'categories', { term: true })) ?? [];
}

function readPermalink(read: FieldReader, key: string): string | undefined {
  const url = read.string(key);
  if (url === undefined) return undefined;
  const problem = permalinkProblem(url);
  if (problem === undefined) return url;
  read.fail(codes.permalinkInvalid, key, `'${key}' cannot be used as this article's address: ${problem}`, 'write the address as a site path such as /2019/05/boats-at-dawn/');
  return undefined;
}

/** Only the fields written: the graph gives the others the site's language and that language's direction. */
function readLanguageFields(read: FieldReader): LanguageFields {
  const written = read.string('lang');
  const tag = written === undefined ? undefined : readLanguageTag(written);
  if (tag && 'problem' in tag) read.fail(codes.fieldType, 'lang', `'lang' ${tag.problem}`, 'write a BCP 47 language tag such as lang: ar, lang: el or lang: pt-BR');
  const dir = read.string('dir');
  if (dir !== undefined && dir !== 'ltr' && dir !== 'rtl') read.fail(codes.fieldType, 'dir', `'dir' must be ltr or rtl, not "${dir}"`, 'leave it out: the direction follows from lang (rtl for Arabic, Persian, Hebrew, Urdu…)');
  const translationKey = read.string('translationkey');
  return {
    ...(tag && 'tag' in tag ? { lang: tag.tag } : {}),
    ...(dir === 'ltr' || dir === 'rtl' ? { dir } : {}),
    ...(translationKey === undefined ? {} : { translationKey }),
  };
}

/** `aliases` (Hugo) and `redirect_from` (Jekyll) together; relative entries resolved against the post's folder. */
function readAliases(read: FieldReader, folder: string): string[] {
  const aliases: string[] = [];
  for (const key of ['aliases', 'redirect_from']) {
    const check = (alias: string) => {
      const resolved = resolveAlias(alias, folder);
      return resolved ? hiddenAliasProblem(resolved) : `entries must be site paths (got "${alias}")`;
    };
    const entries = read.list(key, { check, hint: aliasHint }) ?? [];
    for (const alias of entries.map((a) => resolveAlias(a, folder)!)) if (!aliases.includes(alias)) aliases.push(alias);
  }
  return aliases;
}

export function readPageFields(fm: FrontMatterInput, file: string, options: { ignoreKeys?: readonly string[] } = {}): FieldsResult<PageFields> {
  return readWith(fm, file, (read) => {
    const title = read.string('title', { required: true, hint: 'add a line such as "title: About us"' });
    const fields = { slug: read.string('slug'), description: read.string('description'), language: readLanguageFields(read) };
    read.warnUnknownKeys(pageKeys, { ignore: [...silentPeerKeys, ...(options.ignoreKeys ?? [])] });
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
  const data = fm.data ?? fm.partial;
  // Broken front matter: what could be read is still checked, so one build reports every problem.
  if (!data) return { diagnostics: [] };
  const ctx: FieldContext = { file, pathPositions: fm.pathPositions, valuePositions: fm.valuePositions ?? {}, diagnostics: [], partial: !fm.data };
  const fields = readAll(createFieldReader(data, '', ctx), ctx);
  // Reported in file order, whatever order the fields were read in.
  ctx.diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return !fm.data || hasErrors(ctx.diagnostics) || fields === undefined ? { diagnostics: ctx.diagnostics } : { fields, diagnostics: ctx.diagnostics };
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
