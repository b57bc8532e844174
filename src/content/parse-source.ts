import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { slugify } from '../text/slugify.js';
import { fitSlug } from './fit-slug.js';
import { bodyRefMarkers, type Author, type Page, type Post } from '../graph/types.js';
import { capDiagnostics, checkContentLimits } from './check-content-limits.js';
import { decodeSource } from './decode-source.js';
import { toExcerpt, toReadingMinutes } from './excerpt.js';
import { readAuthorFields, readPageFields, readPostFields } from './front-matter-fields.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import { fileSlug, postFolder, readFileName, withoutMarkdownExtension } from './file-name.js';
import type { LiquidSite } from './liquid-body.js';
import { renderBody, type BodyResult } from './render-body.js';

// One content file → one Post, Page or Author. Pure apart from the CPU spent
// on markdown; inputs and outputs are plain data so a worker can run it.

export interface ContentOptions {
  timeZone: string;
  rawHtml: SiteConfig['markdown']['rawHtml'];
  embedHosts: readonly string[];
  readingWordsPerMinute: number;
  /** Where a post's default slug comes from: its file name (as Jekyll, Hugo and Eleventy) or its title. */
  slugs: SiteConfig['slugs'];
  /** The site's own front-matter keys: no unknown-field warning. */
  ignoreKeys: string[];
  /** What Liquid in bodies reads as `site.*`; the content store adds `site.data`. */
  liquid: LiquidSite;
}

export function contentOptionsOf(config: SiteConfig): ContentOptions {
  const base = new URL(config.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  return {
    timeZone: config.timeZone,
    rawHtml: config.markdown.rawHtml,
    embedHosts: config.markdown.embedHosts,
    readingWordsPerMinute: config.readingWordsPerMinute,
    slugs: config.slugs,
    ignoreKeys: config.content.ignoreKeys,
    liquid: { site: { ...config, url: base.origin, baseurl: basePath, data: {} }, baseUrl: config.baseUrl },
  };
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
  markdown: BodyResult;
}

function prepare(source: SourceText, options: ContentOptions, diagnostics: Diagnostic[]): Prepared | undefined {
  const decoded = decodeSource(source.bytes, source.path);
  diagnostics.push(...decoded.diagnostics);
  if (decoded.text === undefined) return undefined;
  const tooCostly = checkContentLimits(decoded.text, source.path);
  if (tooCostly.length > 0) return void diagnostics.push(...tooCostly);
  const frontMatter = parseFrontMatter(decoded.text, source.path);
  diagnostics.push(...capDiagnostics(frontMatter.diagnostics, source.path));
  if (!frontMatter.data && !frontMatter.partial) return undefined;
  const markdown = renderBody(
    { body: frontMatter.body, file: source.path, bodyLine: frontMatter.bodyLine, frontMatter: frontMatter.data ?? {}, hugoFile: decoded.text.startsWith('+++') },
    { rawHtml: options.rawHtml, embedHosts: options.embedHosts, liquid: options.liquid },
  );
  diagnostics.push(...markdown.diagnostics);
  return { frontMatter, markdown };
}

export function parsePost(source: SourceText, options: ContentOptions): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const prepared = prepare(source, options, diagnostics);
  if (!prepared) return { kind: 'post', diagnostics };
  const { frontMatter, markdown } = prepared;
  const fileName = readFileName(source.path);
  const read = readPostFields(frontMatter, source.path, {
    timeZone: options.timeZone,
    fileDate: fileName.date,
    aliasFolder: postFolder(source.path),
    ignoreKeys: options.ignoreKeys,
  });
  diagnostics.push(...read.diagnostics);
  if (!read.fields) return { kind: 'post', diagnostics };
  const f = read.fields;
  const madeFrom = f.slug !== undefined ? 'slug' : options.slugs === 'title' ? 'title' : undefined;
  const slug = fitSlug(f.slug ?? (options.slugs === 'title' ? slugify(f.title) : fileSlug(fileName.name, source.path, diagnostics)), source.path, madeFrom && frontMatter.positions[madeFrom], diagnostics);
  const post: Post = {
    sourcePath: source.path,
    slug,
    title: f.title,
    date: f.date,
    updated: f.updated,
    authorIds: f.authorIds,
    ...(f.authorLinks ? { authorLinks: f.authorLinks } : {}),
    categories: f.categories,
    tags: f.tags,
    summary: f.summary ?? toExcerpt(markdown.firstParagraph),
    ...standfirstOf(f.summary, markdown.firstParagraph),
    image: f.image,
    draft: f.draft,
    featured: f.featured,
    aliases: f.aliases,
    ...(f.permalink === undefined ? {} : { permalink: f.permalink }),
    params: f.params,
    ...f.language,
    html: markdown.html,
    ...refsOf(markdown),
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
  const read = readPageFields(frontMatter, source.path, { ignoreKeys: options.ignoreKeys });
  diagnostics.push(...read.diagnostics);
  if (!read.fields) return { kind: 'page', diagnostics };
  const f = read.fields;
  const page: Page = {
    sourcePath: source.path,
    slug: fitSlug(f.slug ?? slugify(f.title), source.path, frontMatter.positions[f.slug !== undefined ? 'slug' : 'title'], diagnostics),
    title: f.title,
    description: f.description ?? toExcerpt(markdown.firstParagraph, 160),
    ...f.language,
    html: markdown.html,
    ...refsOf(markdown),
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
  const id = withoutMarkdownExtension(source.path.replace(/^.*\//, ''));
  const author: Author = { id, sourcePath: source.path, ...read.fields, bioHtml: withoutRefs(markdown, diagnostics) };
  return { kind: 'author', author, diagnostics };
}

/** Links and partials the render stage resolves; absent when the body has none. */
function refsOf(markdown: BodyResult): Pick<Post, 'bodyRefs'> {
  return markdown.refs.length > 0 ? { bodyRefs: markdown.refs } : {};
}

/** Author bios are shown on many pages and never resolved: links to posts and shortcode partials are left out, with a warning. */
function withoutRefs(markdown: BodyResult, diagnostics: Diagnostic[]): string {
  for (const ref of markdown.refs) {
    diagnostics.push(
      warning(codes.bodyTemplateRefused, `${ref.kind === 'link' ? ref.tag : `shortcode "${ref.name}"`} is not available in an author bio; left out`, {
        file: ref.file,
        line: ref.line,
        column: ref.column,
        hint: 'write the link as a URL',
      }),
    );
  }
  return markdown.refs.length > 0 ? markdown.html.replace(bodyRefMarkers, '') : markdown.html;
}

// A standfirst is what an editor wrote above the story; one that only repeats
// the first paragraph would print it twice, so it is dropped.
function standfirstOf(written: string | undefined, firstParagraph: string): { standfirst?: string } {
  if (written === undefined) return {};
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  return words(written) === '' || words(written) === words(firstParagraph) ? {} : { standfirst: written };
}
