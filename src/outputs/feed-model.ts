import type { SiteConfig } from '../config/schema.js';
import type { PostNode } from '../graph/types.js';
import { absolutizeLinks } from './absolute-links.js';
import { newestDate } from './format-dates.js';
import { imageMediaType } from './image-media-type.js';
import { toAbsoluteUrl } from '../paths/site-urls.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Each format's file name, appended to the site's or a term's URL. */
export const feedFiles: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

/** What one feed follows: the whole site, a term or an author. */
export interface FeedSource {
  /** Site-relative URL of the page the feed follows, ending with `/`. */
  url: string;
  /** Empty for the site feed, else the term's or author's name. */
  name: string;
  /** The page the feed's home link leads to, when it is not `url` (a language's feed under `/ar/` follows the home page). */
  home?: string;
  /** A feed of one language's articles; else the site's language. */
  language?: string;
  description: string;
  /** Newest first. */
  posts: PostNode[];
}

export interface FeedPerson {
  name: string;
  url: string;
}

export interface FeedEntry {
  title: string;
  /** Absolute; also the entry's id, so it is stable across rebuilds. */
  url: string;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  /** Primary category, then tags. */
  categories: string[];
  /** Plain text. */
  summary: string;
  /** With absolute links; absent unless `feeds.fullContent`. */
  contentHtml?: string;
  image?: { url: string; type?: string };
}

/** One feed, format-neutral: every renderer reads the same data. */
export interface FeedDoc {
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  /** This feed's own absolute URL in each format. */
  selfUrls: Record<FeedFormat, string>;
  publisher: FeedPerson;
  logo?: string;
  /** The newest entry's change; absent for an empty feed so output never depends on the clock. */
  updated?: Date;
  entries: FeedEntry[];
}

export function buildFeedDoc(source: FeedSource, config: SiteConfig): FeedDoc {
  const abs = (path: string) => toAbsoluteUrl(path, config.baseUrl);
  const entries = source.posts.slice(0, config.feeds.limit).map((post) => toFeedEntry(post, config));
  const selfUrls = Object.fromEntries(Object.entries(feedFiles).map(([format, file]) => [format, abs(source.url + file)])) as Record<FeedFormat, string>;
  return {
    title: source.name ? `${config.title} — ${source.name}` : config.title,
    description: source.description || config.description || config.title,
    language: source.language ?? config.language,
    homeUrl: abs(source.home ?? source.url),
    selfUrls,
    publisher: { name: config.title, url: abs('/') },
    logo: config.logo ? abs(config.logo) : undefined,
    updated: newestDate(entries.map((e) => e.updated)),
    entries,
  };
}

function toFeedEntry(post: PostNode, config: SiteConfig): FeedEntry {
  const abs = (path: string) => toAbsoluteUrl(path, config.baseUrl);
  const url = abs(post.url);
  const image = post.image ? abs(post.image.src) : undefined;
  return {
    title: post.title,
    url,
    published: post.date,
    updated: post.updated ?? post.date,
    authors: post.authors.map((a) => ({ name: a.name, url: abs(a.url) })),
    categories: [...(post.primaryCategory ? [post.primaryCategory.name] : []), ...post.tagTerms.map((t) => t.name)],
    summary: post.summary,
    contentHtml: config.feeds.fullContent ? absolutizeLinks(post.html, url, config.baseUrl) : undefined,
    image: image ? { url: image, type: imageMediaType(image) } : undefined,
  };
}
