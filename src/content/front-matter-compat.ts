import { posix } from 'node:path';
import { codes } from '../diagnostics/codes.js';
import type { ImageRef } from '../graph/types.js';
import type { FieldReader } from './front-matter-reader.js';

// The spellings Jekyll, Hugo and Eleventy archives use for the fields of a
// post, each read onto the one field it means here.

/**
 * The value of the first of `keys` that is written. Any other one written too
 * is named in a warning, as its value is not used.
 */
export function firstWritten(read: FieldReader, keys: readonly string[]): string | undefined {
  const written = keys.filter((k) => read.has(k));
  for (const extra of written.slice(1)) read.warn(codes.unknownField, extra, `'${extra}' is not used because '${written[0]}' is set`, `remove one of the two`);
  return written[0];
}

export interface Byline {
  name: string;
  /** A web address written with the name, as in `[Ana Ruiz](https://…)`. */
  link?: string;
}

const markdownLink = /^\[([^\]]+)\]\(\s*<?([^)\s>]+)>?\s*\)$/;
// "Ana Ruiz and Tom Hale", "Ana Ruiz, Tom Hale & Lea Marx", "Ana Ruiz; Tom Hale".
const nameSeparator = /\s*(?:,|;|&|\band\b)\s*/i;

/**
 * Free-text authors as written in the archives: one name, several people in one
 * string, or a markdown link. Entries of a list are read the same way.
 */
export function readBylines(entries: readonly string[]): Byline[] {
  const bylines: Byline[] = [];
  for (const entry of entries) {
    for (const part of splitNames(entry)) {
      const link = markdownLink.exec(part);
      const byline: Byline = link ? { name: link[1].trim(), ...(/^https?:\/\/[^\s/]/.test(link[2]) ? { link: link[2] } : {}) } : { name: part };
      if (byline.name !== '' && !bylines.some((b) => b.name === byline.name)) bylines.push(byline);
    }
  }
  return bylines;
}

/** Splits on separators outside markdown links, so `[Ruiz, Ana](url)` stays one. */
function splitNames(entry: string): string[] {
  const links: string[] = [];
  const masked = entry.replace(/\[[^\]]*\]\([^)]*\)/g, (link) => `\u0000${links.push(link) - 1}\u0000`);
  return masked
    .split(nameSeparator)
    .map((part) => part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => links[Number(i)]).trim())
    .filter((part) => part !== '');
}

const altHint = 'describe the picture for readers who cannot see it, e.g. image_alt: Rescue boat at dawn';

/** Top-level keys read beside a picture given as text. */
export const flatImageKeys = ['image_alt', 'imagealt', 'image_caption', 'image_credit'] as const;
/** The keys a picture may be written under, first wins. */
export const imageKeys = ['image', 'images', 'cover', 'featured_image'] as const;
const mappedImageKeys = ['src', 'image', 'url', 'path', 'alt', 'caption', 'credit'] as const;

/**
 * `image: /a.png` (Jekyll, Eleventy) or `images: [/a.png]` (Hugo) with
 * `image_alt`-style keys beside it, or a mapping `image: {src, alt, …}`
 * (`cover: {image, alt, caption}` in Hugo themes). Missing alt text is a
 * warning: the picture is still shown.
 */
export function readImage(read: FieldReader): ImageRef | undefined {
  const key = firstWritten(read, imageKeys);
  if (key === undefined) return undefined;
  const value = read.value(key);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return mappedImage(read, key);
  const sources = read.list(key);
  if (sources === undefined || sources.length === 0) return undefined;
  if (sources.length > 1) read.warn(codes.unknownField, key, `'${key}' lists ${sources.length} pictures; only the first is shown with the article`, 'put the others in the article body');
  const altKey = firstWritten(read, ['image_alt', 'imagealt']);
  const alt = altKey === undefined ? undefined : read.string(altKey);
  if (alt === undefined) read.warn(codes.fieldMissing, key, `the picture has no alt text`, altHint);
  return withOptional({ src: sources[0], alt: alt ?? '' }, read.string('image_caption'), read.string('image_credit'));
}

function mappedImage(read: FieldReader, key: string): ImageRef | undefined {
  const image = read.mapping(key, 'write it as image: /images/boat.jpg, or as a mapping with src and alt')!;
  const srcKey = firstWritten(image, ['src', 'image', 'url', 'path']);
  const src = image.string(srcKey ?? 'src', { required: true, hint: 'add the picture path, e.g. src: /images/boat.jpg' });
  const alt = image.string('alt');
  if (alt === undefined && src !== undefined && typeof (image.value('alt') ?? '') === 'string') image.warn(codes.fieldMissing, image.has('alt') ? 'alt' : srcKey!, `'${key}.alt' is missing: the picture has no alt text`, altHint.replace('image_alt', 'alt'));
  const caption = image.string('caption');
  const credit = image.string('credit');
  image.warnUnknownKeys(mappedImageKeys);
  return src === undefined ? undefined : withOptional({ src, alt: alt ?? '' }, caption, credit);
}

function withOptional(image: ImageRef, caption: string | undefined, credit: string | undefined): ImageRef {
  return { ...image, ...(caption === undefined ? {} : { caption }), ...(credit === undefined ? {} : { credit }) };
}

/** Jekyll reads `categories: news releases` as two categories; a list or `category:` is taken as written. */
export function splitCategories(read: FieldReader, key: string, entries: string[] | undefined): string[] | undefined {
  return key === 'categories' && typeof read.value(key) === 'string' ? entries?.flatMap((e) => e.split(/\s+/)) : entries;
}

// Jekyll placeholders a front-matter permalink may use; the graph fills them in.
export const permalinkPlaceholders = ['year', 'month', 'day', 'i_month', 'i_day', 'short_year', 'title', 'slug', 'categories'] as const;

/** Why a front-matter `permalink:` / `url:` cannot be this post's address, or undefined when it can. */
export function permalinkProblem(url: string): string | undefined {
  if (/\{\{|\{%/.test(url)) return 'template code in a permalink is not run';
  if (!url.startsWith('/')) return "it must start with '/'";
  if (/[\\?#%\p{Cc}]/u.test(url)) return 'it cannot contain \\, ?, #, % or control characters';
  const segments = url.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return "no part of it may start with '.' (hidden or parent folders)";
  if (segments.some((s) => /[ .]$/.test(s))) return 'no part of it may end with a dot or a space';
  const unknown = [...url.matchAll(/:([a-z_]+)/g)].map((m) => m[1]).find((p) => !(permalinkPlaceholders as readonly string[]).includes(p));
  if (unknown !== undefined) return `':${unknown}' is not a placeholder this site knows (${permalinkPlaceholders.map((p) => `:${p}`).join(' ')})`;
  return undefined;
}

/**
 * An alias as written → a site path. A relative alias (`old-name/`) is
 * resolved, as Hugo does, against the folder the post was in: `folder` is
 * `/posts/` for `content/posts/x.md` and for the bundle `content/posts/x/index.md`.
 */
export function resolveAlias(alias: string, folder: string): string | undefined {
  if (alias.startsWith('/')) return alias;
  if (/^[a-z][a-z0-9+.-]*:/i.test(alias)) return undefined;
  // Relative to the site root, so a path that climbs above it shows as a leading `..`.
  const resolved = posix.normalize(`${folder.replace(/^\/+/, '')}${alias}`);
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  return `/${resolved}${alias.endsWith('/') && !resolved.endsWith('/') ? '/' : ''}`;
}

// Eleventy's `date: Created` / `Last Modified` (optionally `git …`) read the
// file's own times, which change with every checkout; the file name's date or
// an error asking for a written date is the reproducible choice.
const fileTimeWords = /^(?:git )?(?:created|last modified)$/i;

/** Whether `date:` holds one of Eleventy's file-time words rather than a date. */
export function isFileTimeDate(value: unknown): boolean {
  return typeof value === 'string' && fileTimeWords.test(value.trim());
}
