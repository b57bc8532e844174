import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { dayWindow, type ClockWindow } from './clock-window.js';
import { dateParts } from './permalink.js';
import type { PopularityData, PopularityEntry, PostNode } from './types.js';

export interface Popularity {
  /** Analytics entries per published post (several entries for one post add up). */
  entriesOf: Map<PostNode, PopularityEntry[]>;
  diagnostics: Diagnostic[];
}

const KEYS_LISTED = 10;

/**
 * Matches analytics entries to posts by site-relative URL (with or without the
 * base path, trailing slash or percent-encoding, or as an absolute URL) or by slug.
 * Keys in `ignoredKeys` (slugs of drafts and future posts) are not reported as unknown.
 */
export function matchPopularity(
  posts: readonly PostNode[],
  data: PopularityData,
  baseUrl: string,
  ignoredKeys: ReadonlySet<string> = new Set(),
): Popularity {
  const byKey = new Map<string, PostNode>();
  // Newest first, so a slug shared by two posts names the newer one.
  for (const post of posts) {
    if (!byKey.has(post.url)) byKey.set(post.url, post);
    if (!byKey.has(post.slug)) byKey.set(post.slug, post);
  }
  const basePath = new URL(baseUrl).pathname;
  const entriesOf = new Map<PostNode, PopularityEntry[]>();
  const unknown: PopularityEntry[] = [];
  for (const entry of data.entries) {
    const post = lookupKeys(entry.key, basePath).map((k) => byKey.get(k)).find((p) => p !== undefined);
    if (post) {
      const entries = entriesOf.get(post);
      if (entries) entries.push(entry);
      else entriesOf.set(post, [entry]);
    } else if (!ignoredKeys.has(entry.key)) unknown.push(entry);
  }
  return { entriesOf, diagnostics: unknown.length > 0 ? [unknownKeysWarning(unknown, data.file)] : [] };
}

function lookupKeys(key: string, basePath: string): string[] {
  let path = key.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return [key];
    }
  }
  path = path.replace(/[?#].*$/s, '');
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape is kept as written; it simply matches nothing.
  }
  if (!path.startsWith('/')) return [path];
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return basePath !== '/' && withSlash.startsWith(basePath) ? [withSlash, withSlash.slice(basePath.length - 1)] : [withSlash];
}

function unknownKeysWarning(unknown: PopularityEntry[], file: string): Diagnostic {
  const listed = unknown.slice(0, KEYS_LISTED).map((e) => `"${e.key}"`).join(', ');
  const more = unknown.length > KEYS_LISTED ? ` and ${unknown.length - KEYS_LISTED} more` : '';
  const position = unknown[0].position;
  return warning(
    codes.popularityData,
    `${unknown.length} popularity ${unknown.length === 1 ? 'entry matches' : 'entries match'} no published post: ${listed}${more}`,
    { file, line: position?.line, column: position?.column, hint: 'use a post URL such as "/2024/11/slug/" or a slug, or remove the entry' },
  );
}

/**
 * Views of a post: with a window of N days, the daily views of the last N calendar
 * days in the site's time zone, today included; an entry without daily data counts
 * its total. `undefined` when the post has no entry at all.
 */
export function viewsOf(entries: readonly PopularityEntry[] | undefined, windowDays: number | undefined, now: Date, timeZone: string): number | undefined {
  if (!entries) return undefined;
  const range = windowDays === undefined ? undefined : dayRange(now, windowDays, timeZone);
  let views = 0;
  for (const entry of entries) {
    if (!range || !entry.daily) {
      views += entry.views;
      continue;
    }
    for (const [day, count] of Object.entries(entry.daily)) {
      if (day >= range.first && day <= range.last) views += count;
    }
  }
  return views;
}

/** The clock window of viewsOf: a window of days moves at midnight in the site's time zone. */
export function popularityWindow(now: Date, timeZone: string): ClockWindow {
  return dayWindow(now, timeZone);
}

function dayRange(now: Date, days: number, timeZone: string): { first: string; last: string } {
  const { yyyy, mm, dd } = dateParts(now, timeZone);
  const first = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd) - (days - 1)));
  return { first: first.toISOString().slice(0, 10), last: `${yyyy}-${mm}-${dd}` };
}
