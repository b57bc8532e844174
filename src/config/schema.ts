import { z } from 'zod';
import { searchEngines, type SearchEngine } from './search-fallback.js';

// One schema yields the config type, its defaults and its validation.
// Strict objects everywhere: an unknown key is a mistake worth reporting.

// Addresses that reach an href must be web links: z.url() alone accepts javascript: and data:.
const webUrl = z.url({ protocol: /^https?$/ });

export const defaultEmbedHosts = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com', 'player.vimeo.com'];

const link = z.strictObject({
  label: z.string().min(1),
  url: z.string().min(1),
});

const listSpec = z.strictObject({
  source: z.enum(['posts', 'popularity']).default('posts'),
  window: z
    .string()
    .regex(/^\d+d$/, 'use a number of days such as "7d"')
    .optional(),
  filter: z
    .strictObject({
      featured: z.boolean().optional(),
      category: z.string().optional(),
      tag: z.string().optional(),
      author: z.string().optional(),
    })
    .default({}),
  sort: z.enum(['date', 'updated', 'popularity']).optional(),
  limit: z.number().int().positive().max(1000).default(5),
});

const externalFeed = z.strictObject({
  /** http or https; a private or loopback address only when written here, never reached by a redirect. */
  url: webUrl,
  /** The widget's heading; default: the feed's own title. */
  title: z.string().min(1).optional(),
  limit: z.number().int().positive().max(50).default(5),
});

const categoryTerm = z.strictObject({
  parent: z.string().optional(),
  description: z.string().optional(),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('the JSON schema editors check this file against: ./node_modules/migrant-site/site.config.schema.json'),
  title: z.string().min(1).describe('site name'),
  baseUrl: webUrl.describe('absolute http(s) URL the site is published at, e.g. https://example.org/ or https://example.org/news/; every internal link is prefixed with its path'),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'use a BCP 47 language tag such as "en" or "en-GB"')
    .describe('BCP 47 tag (en, en-GB, fr): <html lang>, date formatting'),
  timeZone: z.string().min(1).describe('IANA zone (Europe/London): dates without an offset are read in it, and shown in it'),
  description: z.string().default('').describe('one-line description: masthead, meta description'),
  outDir: z.string().min(1).default('dist').describe('output folder, relative to the site root; the site folder, its sources, / and the home folder are refused'),
  postsPerPage: z.number().int().positive().max(1000).default(10).describe('articles per page on the home page and term pages'),
  permalinks: z
    .strictObject({
      post: z.string().default('/{yyyy}/{mm}/{slug}/').describe("article URLs; tokens {slug}, {yyyy}, {mm}, {dd} (in timeZone), {category} (primary category's slug)"),
      page: z.string().default('/{slug}/').describe('static page URLs'),
      tag: z.string().default('/tag/{slug}/').describe('tag pages'),
      category: z.string().default('/category/{slug}/').describe('category pages'),
      author: z.string().default('/author/{slug}/').describe('author pages'),
    })
    .prefault({}).describe('URL patterns per kind of page'),
  menus: z
    .strictObject({
      header: z.array(link).default([]).describe('main menu: list of { label, url }'),
      footer: z.array(link).default([]).describe('footer menu: list of { label, url }'),
    })
    .prefault({}).describe('menus: lists of { label, url }'),
  social: z
    .strictObject({
      facebook: webUrl.optional(),
      x: webUrl.optional(),
      instagram: webUrl.optional(),
      linkedin: webUrl.optional(),
      whatsapp: webUrl.optional(),
      youtube: webUrl.optional(),
      telegram: webUrl.optional(),
      tiktok: webUrl.optional(),
    })
    .default({}).describe("https URLs of the newsroom's accounts: facebook, x, instagram, linkedin, whatsapp, youtube, telegram, tiktok"),
  contact: z.strictObject({ email: z.email().optional() }).default({}).describe('contact address shown in the footer: { email }'),
  about: z.string().default('').describe("short blurb for the footer's About widget"),
  newsletter: z.strictObject({ action: webUrl, label: z.string().default('Subscribe') }).optional().describe("the footer's sign-up form: { action: form URL, label }; the form posts to action"),
  readingWordsPerMinute: z.number().int().positive().default(200).describe('reading speed for "N Mins Read"'),
  /** A post's default slug: its file name without a YYYY-MM-DD- prefix (as Jekyll, Hugo, Eleventy) or its title. */
  slugs: z
    .enum(['filename', 'title'])
    .default('filename')
    .describe('an article\'s default slug: "filename", the file name without a YYYY-MM-DD- prefix and extension (a page bundle\'s folder name); "title", the title folded to ASCII'),
  content: z
    .strictObject({
      ignoreKeys: z.array(z.string().min(1)).default([]).describe("the site's own front-matter keys: kept as post.params.<key> without an unknown-field warning"),
      requireAuthorFiles: z.boolean().default(false).describe('when true, an author with no file in content/authors/ is an error instead of a free-text byline'),
    })
    .prefault({})
    .describe('how content files are read'),
  markdown: z
    .strictObject({
      rawHtml: z
        .enum(['drop', 'sanitize'])
        .default('sanitize')
        .describe('raw HTML in markdown: "sanitize" keeps safe HTML as GitHub does and warns at each element or attribute it removes; "drop" removes all raw HTML with a warning'),
      embedHosts: z
        .array(z.string().regex(/^[a-z0-9.-]+$/i, 'use a host name such as "www.youtube.com"'))
        .default(defaultEmbedHosts)
        .describe('hosts whose <iframe> embeds raw HTML keeps (sandboxed, lazy, over https)'),
    })
    .prefault({}).describe('how markdown is read'),
  taxonomies: z
    .strictObject({
      categories: z
        .strictObject({
          strict: z.boolean().default(false).describe('when true, a category not listed in terms is an error'),
          terms: z.record(z.string(), categoryTerm).default({}).describe('{ "Greece": { "parent": "Europe", "description": "…" } }: descriptions and a hierarchy; a parent\'s page lists its children\'s articles'),
        })
        .prefault({}).describe('category settings'),
      tags: z
        .strictObject({
          descriptions: z.record(z.string(), z.string()).default({}).describe('{ "asylum": "…" }: shown on tag pages'),
        })
        .prefault({}).describe('tag settings'),
    })
    .prefault({}).describe('categories and tags'),
  related: z
    .strictObject({
      limit: z.number().int().min(0).max(50).default(5).describe('related articles per article'),
      threshold: z.number().min(0).default(0.1).describe('minimum score (0–1, relative to a perfect match)'),
      includeNewer: z.boolean().default(true).describe('whether newer articles may be suggested'),
      maxShare: z.number().gt(0).max(1).default(0.5).describe('terms carried by more than this share of articles are ignored'),
      weights: z
        .strictObject({
          tags: z.number().min(0).default(1),
          categories: z.number().min(0).default(0.5),
          authors: z.number().min(0).default(0.2),
          date: z.number().min(0).default(0.1),
        })
        .prefault({}).describe('weight of each index: tags, categories, authors, date'),
    })
    .prefault({}).describe('related articles'),
  lists: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'list names are letters and digits'), listSpec).default({}).describe('curated lists, available to templates as lists.<name>: { source, window, filter, sort, limit }'),
  /** Site path of the newsroom's logo, for structured data and social previews. */
  logo: z.string().optional().describe("site path (or URL) of the newsroom's logo: the social-preview image of pages without their own, and the publisher logo in structured data"),
  images: z
    .strictObject({
      widths: z.array(z.number().int().min(16).max(8192)).min(1).max(12).default([400, 800, 1200, 1600]).describe('widths in pixels of the resized copies of each raster image (never wider than the image itself)'),
      formats: z.array(z.enum(['avif', 'webp'])).max(2).default(['avif', 'webp']).describe("formats made besides the image's own, offered to browsers first: avif, webp"),
    })
    .prefault({})
    .describe('responsive images: resized copies of every raster image an article or page shows'),
  feeds: z
    .strictObject({
      formats: z.array(z.enum(['rss', 'atom', 'json'])).default(['rss', 'atom', 'json']).describe('which feeds to write: /feed.xml (RSS 2.0), /atom.xml, /feed.json (JSON Feed 1.1), and the same under each term or author URL'),
      limit: z.number().int().positive().max(1000).default(20).describe('newest articles per feed'),
      fullContent: z.boolean().default(true).describe("the article's HTML in feeds (links made absolute); false: summaries only"),
      categories: z.boolean().default(true).describe('a feed per category'),
      authors: z.boolean().default(true).describe('a feed per author'),
      tags: z.boolean().default(false).describe('a feed per tag'),
    })
    .prefault({}).describe('RSS, Atom and JSON feeds'),
  sitemap: z
    .strictObject({
      maxUrls: z.number().int().positive().max(50000).default(50000).describe('URLs per sitemap file; beyond it /sitemap.xml becomes an index of /sitemap-N.xml'),
      news: z.boolean().default(true).describe("/news-sitemap.xml for Google News: articles of the 48 hours before the build's clock"),
    })
    .prefault({}).describe('sitemaps'),
  robots: z.strictObject({ disallow: z.array(z.string()).default([]) }).prefault({}).describe('/robots.txt: { disallow: paths for Disallow: lines }'),
  search: z
    .strictObject({
      enabled: z.boolean().default(true).describe("the /search/ page, the header's search box and the Pagefind index under /pagefind/"),
      fallback: z
        .enum(Object.keys(searchEngines) as [SearchEngine, ...SearchEngine[]])
        .optional()
        .describe('without JavaScript the search page\'s form asks this web search, restricted to the site: "duckduckgo" or "google"; unset, the form only points to the tag and category indexes'),
      chunkSize: z.number().int().min(1).default(1000).describe('articles per search index chunk: a changed article re-indexes only its chunk; a first search loads every chunk'),
    })
    .prefault({})
    .describe('site search: { enabled, fallback, chunkSize }'),
  /** Headlines from other sites, fetched at build time (see src/external-feeds/). */
  externalFeeds: z
    .strictObject({
      /** `serve --watch` fetches again at most this often; a build always asks (cheaply, with ETag/Last-Modified). */
      refreshMinutes: z.number().positive().max(10080).default(15).describe('serve --watch fetches the feeds again at most this often'),
      /** Per feed, for the whole fetch (address lookup, redirects, body). */
      timeoutSeconds: z.number().positive().max(120).default(5).describe('time limit per feed for the whole fetch'),
      /** A larger response is refused (counted after decompression). */
      maxBytes: z.number().int().min(1024).max(50_000_000).default(2_000_000).describe('a larger response is refused (counted after decompression)'),
      feeds: z
        .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'feed names are letters and digits'), externalFeed)
        .default({})
        .describe('feeds by name, available to templates as externalFeeds.<name>: { url, title, limit }'),
    })
    .prefault({})
    .describe('headlines from other sites, fetched at build time'),
});

export type SiteConfig = z.output<typeof configSchema>;
/** What a config file may hold before defaults are applied. */
export type SiteConfigInput = z.input<typeof configSchema>;
export type ListSpec = z.output<typeof listSpec>;
export type MenuLink = z.output<typeof link>;
export type ExternalFeedsConfig = z.output<typeof configSchema>['externalFeeds'];
