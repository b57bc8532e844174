import type { SiteConfig } from '../config/schema.js';
import type { PostNode, Term } from '../graph/types.js';
import type { TemplateContext } from './context.js';
import { toIsoInZone } from './helpers/format-date.js';
import { toAbsoluteUrl } from '../paths/site-urls.js';

// schema.org JSON-LD per page kind, as plain objects. Keys left undefined are
// dropped by JSON.stringify, so optional fields need no special casing.

const schema = 'https://schema.org';

type Abs = (path: string) => string;

/** NewsArticle + BreadcrumbList on articles, WebSite + Organization on the home page, CollectionPage on term pages. */
export function buildStructuredData(context: TemplateContext, config: SiteConfig): object[] {
  const abs: Abs = (path) => toAbsoluteUrl(path, config.baseUrl);
  const { meta, post, term } = context;
  if (post) return [newsArticle(post, config, abs), breadcrumbList(post, abs)];
  if (meta.kind === 'home' && meta.url === '/') return [webSite(config, abs), { '@context': schema, ...organization(config, abs), sameAs: socialUrls(config) }];
  if (term && meta.kind === 'term') return [collectionPage(term, meta.url, config, abs)];
  return [];
}

function newsArticle(post: PostNode, config: SiteConfig, abs: Abs): object {
  const url = abs(post.url);
  return {
    '@context': schema,
    '@type': 'NewsArticle',
    headline: post.title,
    description: post.summary || undefined,
    image: post.image ? [abs(post.image.src)] : undefined,
    datePublished: toIsoInZone(post.date, config.timeZone),
    dateModified: toIsoInZone(post.updated ?? post.date, config.timeZone),
    author: post.authors.map((a) => ({ '@type': 'Person', name: a.name, url: abs(a.url) })),
    publisher: organization(config, abs),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: post.primaryCategory?.name,
    keywords: post.tagTerms.length > 0 ? post.tagTerms.map((t) => t.name).join(', ') : undefined,
    wordCount: post.wordCount,
    inLanguage: post.lang,
  };
}

/** The trail the article page shows: Home » ancestors » category » headline. */
function breadcrumbList(post: PostNode, abs: Abs): object {
  const trail = [{ name: 'Home', url: '/' }, ...post.breadcrumb.filter((c) => c.url !== '/'), { name: post.title, url: post.url }];
  return {
    '@context': schema,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: abs(crumb.url) })),
  };
}

function webSite(config: SiteConfig, abs: Abs): object {
  return {
    '@context': schema,
    '@type': 'WebSite',
    name: config.title,
    description: config.description || undefined,
    url: abs('/'),
    inLanguage: config.language,
    // The query goes after the encoded path: `{` and `}` must reach the template as they are.
    potentialAction: config.search.enabled
      ? { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: `${abs('/search/')}?q={search_term_string}` }, 'query-input': 'required name=search_term_string' }
      : undefined,
  };
}

function organization(config: SiteConfig, abs: Abs): Record<string, unknown> {
  return {
    '@type': 'Organization',
    name: config.title,
    url: abs('/'),
    logo: config.logo ? { '@type': 'ImageObject', url: abs(config.logo) } : undefined,
  };
}

function socialUrls(config: SiteConfig): string[] | undefined {
  const urls = Object.values(config.social).filter((u): u is string => typeof u === 'string');
  return urls.length > 0 ? urls : undefined;
}

function collectionPage(term: Term, url: string, config: SiteConfig, abs: Abs): object {
  return {
    '@context': schema,
    '@type': 'CollectionPage',
    name: term.name,
    description: term.description,
    url: abs(url),
    inLanguage: config.language,
    isPartOf: { '@type': 'WebSite', name: config.title, url: abs('/') },
  };
}
