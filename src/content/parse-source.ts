import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { slugify } from '../text/slugify.js';
import type { Author, Page, Post } from '../graph/types.js';
import { capDiagnostics, checkContentLimits } from './check-content-limits.js';
import { decodeSource } from './decode-source.js';
import { toExcerpt, toReadingMinutes } from './excerpt.js';
import { readAuthorFields, readPageFields, readPostFields } from './front-matter-fields.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import { renderMarkdown, type MarkdownResult } from './markdown.js';

// One content file → one Post, Page or Author. Pure apart from the CPU spent
// on markdown; inputs and outputs are plain data so a worker can run it.

export interface ContentOptions {
  timeZone: string;
  rawHtml: SiteConfig['markdown']['rawHtml'];
  readingWordsPerMinute: number;
}

export function contentOptionsOf(config: SiteConfig): ContentOptions {
  return { timeZone: config.timeZone, rawHtml: config.markdown.rawHtml, readingWordsPerMinute: config.readingWordsPerMinute };
}

export interface SourceText {
  path: string;
  bytes: Uint8Array;
}

export type ParsedSource =
  | { kind: 'post'; post?: Post; diagnostics: Diagnostic[] }
  | { kind: 'page'; page?: Page; diagnostics: Diagnostic[] }
  | { kind: 'author'; author?: Author; diagnostics: Diagnostic[] };

interface Prepared {
  frontMatter: FrontMatter;
  markdown: MarkdownResult;
}

function prepare(source: SourceText, options: ContentOptions, diagnostics: Diagnostic[]): Prepared | undefined {
  const decoded = decodeSource(source.bytes, source.path);
  diagnostics.push(...decoded.diagnostics);
  if (decoded.text === undefined) return undefined;
  const tooCostly = checkContentLimits(decoded.text, source.path);
  if (tooCostly.length > 0) return void diagnostics.push(...tooCostly);
  const frontMatter = parseFrontMatter(decoded.text, source.path);
  diagnostics.push(...capDiagnostics(frontMatter.diagnostics, source.path));
  if (!frontMatter.data) return undefined;
  const markdown = renderMarkdown({ body: frontMatter.body, file: source.path, bodyLine: frontMatter.bodyLine }, { rawHtml: options.rawHtml });
  diagnostics.push(...markdown.diagnostics);
  return { frontMatter, markdown };
}

export function parsePost(source: SourceText, options: ContentOptions): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const prepared = prepare(source, options, diagnostics);
  if (!prepared) return { kind: 'post', diagnostics };
  const { frontMatter, markdown } = prepared;
  const read = readPostFields(frontMatter, source.path, { timeZone: options.timeZone });
  diagnostics.push(...read.diagnostics);
  if (!read.fields) return { kind: 'post', diagnostics };
  const f = read.fields;
  const post: Post = {
    sourcePath: source.path,
    slug: f.slug ?? slugify(f.title),
    title: f.title,
    date: f.date,
    updated: f.updated,
    authorIds: f.authorIds,
    categories: f.categories,
    tags: f.tags,
    summary: f.summary ?? toExcerpt(markdown.firstParagraph),
    image: f.image,
    draft: f.draft,
    featured: f.featured,
    aliases: f.aliases,
    html: markdown.html,
    wordCount: markdown.wordCount,
    readingMinutes: toReadingMinutes(markdown.wordCount, options.readingWordsPerMinute),
    headings: markdown.headings,
    positions: frontMatter.positions,
  };
  return { kind: 'post', post, diagnostics };
}

export function parsePage(source: SourceText, options: ContentOptions): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const prepared = prepare(source, options, diagnostics);
  if (!prepared) return { kind: 'page', diagnostics };
  const { frontMatter, markdown } = prepared;
  const read = readPageFields(frontMatter, source.path);
  diagnostics.push(...read.diagnostics);
  if (!read.fields) return { kind: 'page', diagnostics };
  const f = read.fields;
  const page: Page = {
    sourcePath: source.path,
    slug: f.slug ?? slugify(f.title),
    title: f.title,
    description: f.description ?? toExcerpt(markdown.firstParagraph, 160),
    html: markdown.html,
    positions: frontMatter.positions,
  };
  return { kind: 'page', page, diagnostics };
}

export function parseAuthor(source: SourceText, options: ContentOptions): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const prepared = prepare(source, options, diagnostics);
  if (!prepared) return { kind: 'author', diagnostics };
  const { frontMatter, markdown } = prepared;
  const read = readAuthorFields(frontMatter, source.path);
  diagnostics.push(...read.diagnostics);
  if (!read.fields) return { kind: 'author', diagnostics };
  const id = source.path.replace(/^.*\//, '').replace(/\.md$/, '');
  const author: Author = { id, sourcePath: source.path, ...read.fields, bioHtml: markdown.html };
  return { kind: 'author', author, diagnostics };
}
