import type { MenuLink, SiteConfig } from '../config/schema.js';
import type { PageOf } from '../graph/paginate.js';
import type { AuthorNode, PageNode, PostNode, Term } from '../graph/types.js';
import type { PageSeo } from './page-seo.js';

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
  /** `config.feeds` as it is: which feed formats exist, and for which term and author pages (head links, RSS links). */
  feeds: SiteConfig['feeds'];
}

export interface PageMeta {
  kind: 'home' | 'post' | 'page' | 'term' | 'terms' | 'author' | 'authors' | 'search' | '404';
  title: string;
  description: string;
  /** Site-relative URL of this page. */
  url: string;
  /** Not for search engines or sitemaps (search results, the 404 page). */
  noindex: boolean;
}

export interface TemplateContext {
  site: SiteContext;
  /** Curated lists from config (`lists.trending`, `lists.dontMiss`, …). */
  lists: Record<string, PostNode[]>;
  /** Newest published posts (the first 10). */
  latest: PostNode[];
  meta: PageMeta;
  /** The build's clock. */
  now: Date;
  /** Layout-specific: */
  post?: PostNode;
  page?: PageNode;
  term?: Term;
  author?: AuthorNode;
  terms?: Term[];
  authors?: AuthorNode[];
  pagination?: PageOf<PostNode>;
  /** Title, description, social-preview meta and JSON-LD, added by renderRoutes for every page. */
  seo?: PageSeo;
}
