import type { SiteConfig } from '../config/schema.js';
import type { PostNode } from '../graph/types.js';
import type { TemplateContext } from './context.js';
import { toIsoInZone } from './helpers/format-date.js';
import { toAbsoluteUrl } from '../paths/site-urls.js';
import { buildStructuredData } from './structured-data.js';

// What search engines and social previews read from a page's <head>, as plain
// data. Templates print these values through Handlebars (escaped) and the
// JSON-LD through `{{json}}`, so no value can leave its attribute or script.

export interface SeoImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  /** Known for the rasters the image stage made (1200×630); a remote picture's size is not. */
  width?: number;
  height?: number;
}

export interface PageSeo {
  /** The document title: `Headline — Site`, or the site's title on the home page. */
  title: string;
  description: string;
  /** Absolute; absent on the not-found page, which is served at many URLs. */
  canonical?: string;
  /** Search results and the not-found page stay out of search engines' indexes. */
  noindex: boolean;
  og: {
    type: 'article' | 'website';
    title: string;
    description: string;
    url?: string;
    siteName: string;
    /** `en_GB`; only when the site's language names a region, as Open Graph wants one. */
    locale?: string;
    image?: SeoImage;
  };
  /** Article pages only: `article:*` Open Graph properties. */
  article?: {
    publishedTime: string;
    modifiedTime: string;
    section?: string;
    tags: string[];
    /** Absolute author page URLs. */
    authors: string[];
  };
  twitter: {
    /** A large card needs a picture of the story; a logo alone gets the small one. */
    card: 'summary_large_image' | 'summary';
    title: string;
    description: string;
    image?: SeoImage;
  };
  /** schema.org objects, one `<script type="application/ld+json">` for the list. */
  jsonLd: object[];
  /**
   * `<link rel="alternate" hreflang>` for a page with translations: each
   * language's version (this one included) and `x-default`, the version in the
   * site's language (else the first by language). Empty without translations.
   */
  alternates: { hreflang: string; href: string }[];
}

/** Meta and structured data for one page, from its template context. */
export function buildPageSeo(context: TemplateContext, config: SiteConfig): PageSeo {
  const { meta, post } = context;
  const abs = (path: string) => toAbsoluteUrl(path, config.baseUrl);
  const description = meta.description || config.description;
  const canonical = meta.kind === '404' ? undefined : abs(meta.url);
  const image = socialImage(context, config, abs);
  // A title that already names the site ("About The Migration Desk") does not get it twice.
  const title = meta.kind === 'home' || meta.title.includes(config.title) ? meta.title : `${meta.title} — ${config.title}`;
  return {
    title,
    description,
    canonical,
    noindex: meta.noindex,
    og: {
      type: post ? 'article' : 'website',
      title: meta.title,
      description,
      url: canonical,
      siteName: config.title,
      locale: toOgLocale(context.lang),
      image,
    },
    article: post ? articleMeta(post, config, abs) : undefined,
    twitter: { card: post?.image ? 'summary_large_image' : 'summary', title: meta.title, description, image },
    jsonLd: buildStructuredData(context, config),
    alternates: alternatesOf(context.post ?? context.page, config.language, abs),
  };
}

/**
 * Facebook, X and LinkedIn show no SVG: the picture of the article as the
 * image stage rasterised it, a remote picture as it is, else the site's
 * (its logo or title card, also rasterised).
 */
function socialImage({ post, site }: TemplateContext, config: SiteConfig, abs: (path: string) => string): SeoImage | undefined {
  const own = post?.image;
  if (own?.social) return { url: abs(own.social.src), alt: own.alt, width: own.social.width, height: own.social.height };
  if (own && /^https?:/i.test(own.src)) return { url: own.src, alt: own.alt };
  if (site.socialImage) return { url: abs(site.socialImage.src), alt: config.title, width: site.socialImage.width, height: site.socialImage.height };
  // Rendered without the image stage (a template preview, a unit test): the pictures as they are.
  if (own) return { url: abs(own.src), alt: own.alt };
  return config.logo ? { url: abs(config.logo), alt: config.title } : undefined;
}

function alternatesOf(own: { lang: string; url: string; translations: { lang: string; url: string }[] } | undefined, siteLanguage: string, abs: (path: string) => string): PageSeo['alternates'] {
  if (!own || own.translations.length === 0) return [];
  const versions = [own, ...own.translations].sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
  const fallback = versions.find((v) => v.lang === siteLanguage) ?? versions[0]!;
  return [...versions.map((v) => ({ hreflang: v.lang, href: abs(v.url) })), { hreflang: 'x-default', href: abs(fallback.url) }];
}

function articleMeta(post: PostNode, config: SiteConfig, abs: (path: string) => string): PageSeo['article'] {
  return {
    publishedTime: toIsoInZone(post.date, config.timeZone),
    modifiedTime: toIsoInZone(post.updated ?? post.date, config.timeZone),
    section: post.primaryCategory?.name,
    tags: post.tagTerms.map((t) => t.name),
    authors: post.authors.map((a) => abs(a.url)),
  };
}

/** `en-GB` → `en_GB`; a bare language has no Open Graph locale. */
export function toOgLocale(language: string): string | undefined {
  const [lang, region] = language.split('-');
  return region && /^[a-z]{2}$/i.test(region) ? `${lang.toLowerCase()}_${region.toUpperCase()}` : undefined;
}
