import type { SiteConfig } from '../config/schema.js';
import { searchFallbackForm } from '../config/search-fallback.js';
import type { SiteGraph } from '../graph/types.js';
import type { SiteContext, SocialLink, TemplateContext } from './context.js';
import { buildPageSeo } from './page-seo.js';
import { shownMeta } from './shown-meta.js';
import type { PageRoute } from '../routes/plan-routes.js';
import type { TemplateEngine } from './template-engine.js';
import type { ExternalFeeds } from '../external-feeds/types.js';
import { prioritizeFirstImage } from '../images/picture-html.js';
import { siteLanguages } from '../graph/site-languages.js';
import { directionOf } from '../text/language.js';

export interface RenderedPage {
  route: PageRoute;
  html: string;
}

/** Renders each page's layout, then wraps it in `base`. */
export function renderRoutes(routes: PageRoute[], graph: SiteGraph, config: SiteConfig, engine: TemplateEngine, externalFeeds: ExternalFeeds = {}): RenderedPage[] {
  const shared = {
    site: toSiteContext(graph, config),
    externalFeeds,
    lists: graph.lists,
    latest: graph.posts.slice(0, 10),
    now: graph.now,
  };
  const site = { lang: shared.site.language, dir: shared.site.dir };
  return routes.map((route) => {
    const own = route.context.post ?? route.context.page;
    const page: TemplateContext = { ...shared, ...route.context, ...(own ? { lang: own.lang, dir: own.dir } : site), meta: shownMeta(route.meta, own?.lang ?? site.lang, engine) };
    const context: TemplateContext = { ...page, seo: buildPageSeo(page, config) };
    // The layout (an article) speaks its page's language; base.hbs (menus, sidebar, footer) the site's.
    const content = engine.render(route.layout, context, route.origin);
    return { route, html: prioritizeFirstImage(engine.render('base', { ...context, ...site, content }, route.origin)) };
  });
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
