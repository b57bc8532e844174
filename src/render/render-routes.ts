import type { SiteConfig } from '../config/schema.js';
import { searchFallbackForm } from '../config/search-fallback.js';
import type { SiteGraph } from '../graph/types.js';
import type { SiteContext, SocialLink, TemplateContext } from './context.js';
import { buildPageSeo } from './page-seo.js';
import { shownMeta } from './shown-meta.js';
import type { PageMeta, PageRoute } from '../routes/plan-routes.js';
import type { TemplateEngine } from './template-engine.js';
import type { ExternalFeeds } from '../external-feeds/types.js';
import { prioritizeFirstImage } from '../images/picture-html.js';
import { siteLanguages } from '../graph/site-languages.js';
import { directionOf } from '../text/language.js';

export interface RenderedPage {
  route: PageRoute;
  html: string;
}

/** What every page's template context holds besides its route's own part (which may narrow `lists` and `latest` for the page). */
export type SharedContext = Pick<TemplateContext, 'site' | 'externalFeeds' | 'lists' | 'latest' | 'now'>;

/** Renders each page's layout, then wraps it in `base`. */
export function renderRoutes(routes: PageRoute[], graph: SiteGraph, config: SiteConfig, engine: TemplateEngine, externalFeeds: ExternalFeeds = {}): RenderedPage[] {
  const shared = sharedContext(graph, config, externalFeeds);
  return routes.map((route) => ({ route, html: renderPage(route, pageContext(route, shared), engine, config) }));
}

export function sharedContext(graph: SiteGraph, config: SiteConfig, externalFeeds: ExternalFeeds = {}): SharedContext {
  return {
    site: toSiteContext(graph, config),
    externalFeeds,
    lists: graph.lists,
    latest: graph.posts.slice(0, 10),
    now: graph.now,
  };
}

/** A page's template context before its title is put in words: what rendering on the main thread and the data sent to worker threads both start from. */
export type PageContext = Omit<TemplateContext, 'meta'> & { meta: PageMeta };

/** The one place a page's template context is assembled. */
export function pageContext(route: PageRoute, shared: SharedContext): PageContext {
  const own = route.context.post ?? route.context.page;
  const lang = own ? { lang: own.lang, dir: own.dir } : { lang: shared.site.language, dir: shared.site.dir };
  return { ...shared, ...route.context, ...lang, meta: route.meta };
}

/** A page from its context: title in the page's words, SEO data, its layout, then `base` around it. Throws SiteError on a template error. */
export function renderPage(route: Pick<PageRoute, 'layout' | 'origin'>, page: PageContext, engine: TemplateEngine, config: SiteConfig): string {
  const shown: TemplateContext = { ...page, meta: shownMeta(page.meta, page.lang, engine) };
  const context: TemplateContext = { ...shown, seo: buildPageSeo(shown, config) };
  // The layout (an article) speaks its page's language; base.hbs (menus, sidebar, footer) the site's.
  const content = engine.render(route.layout, context, route.origin);
  return prioritizeFirstImage(engine.render('base', { ...context, lang: page.site.language, dir: page.site.dir, content }, route.origin));
}

const socialLabels: Record<string, string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  youtube: 'YouTube',
  telegram: 'Telegram',
  tiktok: 'TikTok',
};

export function toSiteContext(graph: SiteGraph, config: SiteConfig): SiteContext {
  const social: SocialLink[] = Object.entries(config.social)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([network, url]) => ({ network, label: socialLabels[network] ?? network, url }));
  return {
    title: config.title,
    description: config.description,
    baseUrl: config.baseUrl,
    language: config.language,
    dir: directionOf(config.language),
    languages: siteLanguages(graph),
    timeZone: config.timeZone,
    about: config.about,
    contactEmail: config.contact.email,
    social,
    menus: config.menus,
    newsletter: config.newsletter,
    categories: graph.categories.filter((c) => !c.parent),
    search: config.search.enabled,
    ...(config.search.fallback ? { searchFallback: searchFallbackForm(config.search.fallback, config.baseUrl) } : {}),
    ...(config.logo ? { logo: config.logo } : {}),
    feeds: config.feeds,
    socialImage: graph.socialImage,
  };
}
