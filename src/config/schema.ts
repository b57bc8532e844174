import { z } from 'zod';

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
  title: z.string().min(1),
  baseUrl: webUrl,
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'use a BCP 47 language tag such as "en" or "en-GB"'),
  timeZone: z.string().min(1),
  description: z.string().default(''),
  outDir: z.string().min(1).default('dist'),
  postsPerPage: z.number().int().positive().max(1000).default(10),
  permalinks: z
    .strictObject({
      post: z.string().default('/{yyyy}/{mm}/{slug}/'),
      page: z.string().default('/{slug}/'),
      tag: z.string().default('/tag/{slug}/'),
      category: z.string().default('/category/{slug}/'),
      author: z.string().default('/author/{slug}/'),
    })
    .prefault({}),
  menus: z
    .strictObject({
      header: z.array(link).default([]),
      footer: z.array(link).default([]),
    })
    .prefault({}),
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
    .default({}),
  contact: z.strictObject({ email: z.email().optional() }).default({}),
  about: z.string().default(''),
  newsletter: z.strictObject({ action: webUrl, label: z.string().default('Subscribe') }).optional(),
  readingWordsPerMinute: z.number().int().positive().default(200),
  /** A post's default slug: its file name without a YYYY-MM-DD- prefix (as Jekyll, Hugo, Eleventy) or its title. */
  slugs: z.enum(['filename', 'title']).default('filename'),
  content: z
    .strictObject({
      /** The site's own front-matter keys: kept as post.params without an unknown-field warning. */
      ignoreKeys: z.array(z.string().min(1)).default([]),
      /** When true, an author with no file in content/authors/ is an error instead of a free-text byline. */
      requireAuthorFiles: z.boolean().default(false),
    })
    .prefault({}),
  markdown: z
    .strictObject({
      rawHtml: z.enum(['drop', 'sanitize']).default('sanitize'),
      /** Hosts whose <iframe> embeds raw HTML keeps. */
      embedHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/i, 'use a host name such as "www.youtube.com"')).default(defaultEmbedHosts),
    })
    .prefault({}),
  taxonomies: z
    .strictObject({
      categories: z
        .strictObject({
          strict: z.boolean().default(false),
          terms: z.record(z.string(), categoryTerm).default({}),
        })
        .prefault({}),
      tags: z
        .strictObject({
          descriptions: z.record(z.string(), z.string()).default({}),
        })
        .prefault({}),
    })
    .prefault({}),
  related: z
    .strictObject({
      limit: z.number().int().min(0).max(50).default(5),
      threshold: z.number().min(0).default(0.1),
      includeNewer: z.boolean().default(true),
      maxShare: z.number().gt(0).max(1).default(0.5),
      weights: z
        .strictObject({
          tags: z.number().min(0).default(1),
          categories: z.number().min(0).default(0.5),
          authors: z.number().min(0).default(0.2),
          date: z.number().min(0).default(0.1),
        })
        .prefault({}),
    })
    .prefault({}),
  lists: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'list names are letters and digits'), listSpec).default({}),
  /** Site path of the newsroom's logo, for structured data and social previews. */
  logo: z.string().optional(),
  feeds: z
    .strictObject({
      formats: z.array(z.enum(['rss', 'atom', 'json'])).default(['rss', 'atom', 'json']),
      limit: z.number().int().positive().max(1000).default(20),
      fullContent: z.boolean().default(true),
      categories: z.boolean().default(true),
      authors: z.boolean().default(true),
      tags: z.boolean().default(false),
    })
    .prefault({}),
  sitemap: z
    .strictObject({
      maxUrls: z.number().int().positive().max(50000).default(50000),
      news: z.boolean().default(true),
    })
    .prefault({}),
  robots: z.strictObject({ disallow: z.array(z.string()).default([]) }).prefault({}),
  search: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  /** Headlines from other sites, fetched at build time (see src/external-feeds/). */
  externalFeeds: z
    .strictObject({
      /** `serve --watch` fetches again at most this often; a build always asks (cheaply, with ETag/Last-Modified). */
      refreshMinutes: z.number().positive().max(10080).default(15),
      /** Per feed, for the whole fetch (address lookup, redirects, body). */
      timeoutSeconds: z.number().positive().max(120).default(5),
      /** A larger response is refused (counted after decompression). */
      maxBytes: z.number().int().min(1024).max(50_000_000).default(2_000_000),
      feeds: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'feed names are letters and digits'), externalFeed).default({}),
    })
    .prefault({}),
});

export type SiteConfig = z.output<typeof configSchema>;
/** What a config file may hold before defaults are applied. */
export type SiteConfigInput = z.input<typeof configSchema>;
export type ListSpec = z.output<typeof listSpec>;
export type MenuLink = z.output<typeof link>;
export type ExternalFeedsConfig = z.output<typeof configSchema>['externalFeeds'];
