import type { MenuLink, SiteConfig } from '../config/schema.js';
import type { SearchFallbackForm } from '../config/search-fallback.js';
import type { PostNode, SocialImage, Term } from '../graph/types.js';
import type { PageMeta, RouteContext } from '../routes/plan-routes.js';
import type { PageSeo } from './page-seo.js';
import type { ExternalFeeds } from '../external-feeds/types.js';
import type { TextDirection } from '../text/language.js';

// What every template sees. Layout-specific keys are added by the route planner.
// URLs in the graph are site-relative (`/2024/11/x/`); templates pass them
// through `{{url …}}` (adds the base path) or `{{absUrl …}}` (adds the base URL).

export interface SocialLink {
  /** `facebook`, `x`, … : also the icon name. */
  network: string;
  label: string;
  url: string;
}

export interface SiteContext {
  title: string;
  description: string;
  /** Absolute, ends with `/`. */
  baseUrl: string;
  language: string;
  /** The direction of `language`: `rtl` for Arabic, Persian, Hebrew, Urdu… */
  dir: TextDirection;
  /** The languages of the published articles, sorted (a feed for each when there are several). */
  languages: string[];
  timeZone: string;
  about: string;
  contactEmail?: string;
  social: SocialLink[];
  menus: { header: MenuLink[]; footer: MenuLink[] };
  newsletter?: { action: string; label: string };
  /** Top-level categories (with children) for a category menu. */
  categories: Term[];
  /** Whether the site has a search page (`config.search.enabled`). */
  search: boolean;
  /** The search page's form without JavaScript (`config.search.fallback`): a web search restricted to the site. */
  searchFallback?: SearchFallbackForm;
  /** Site path or URL of the newsroom's logo (`config.logo`), shown in the header and the phone menu. */
  logo?: string;
  /** `config.feeds` as it is: which feed formats exist, and for which term and author pages (head links, RSS links). */
  feeds: SiteConfig['feeds'];
  /** The social-preview raster of pages without a picture of their own (set by the image stage). */
  socialImage?: SocialImage;
}

export interface TemplateContext extends RouteContext {
  site: SiteContext;
  /** Headlines from other sites by feed name (`externalFeeds.businessNews`), in config order; a feed with nothing to show is absent. */
  externalFeeds?: ExternalFeeds;
  /** Curated lists from config (`lists.trending`, `lists.dontMiss`, …). */
  lists: Record<string, PostNode[]>;
  /** Newest published posts (the first 10). */
  latest: PostNode[];
  /** The page's meta, its title in words: one in the theme's words is put in the page's language (shownMeta). */
  meta: PageMeta & { title: string };
  /**
   * The language and direction of what is being rendered: in a layout the
   * page's own (an article's `lang`), in base.hbs and its partials the site's.
   * `t`, `formatDate`, `formatNumber` and `readingTime` write in `lang`.
   */
  lang: string;
  dir: TextDirection;
  /** The build's clock. */
  now: Date;
  /** Title, description, social-preview meta and JSON-LD, added by renderRoutes for every page. */
  seo?: PageSeo;
}
