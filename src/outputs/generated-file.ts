import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A file made from the site graph rather than a template: feeds, sitemaps, robots.txt, the search index. */
export interface GeneratedFile {
  /** Site-relative URL, e.g. `/feed.xml` or `/category/greece/feed.xml`. */
  url: string;
  data: string | Uint8Array;
  /** What asked for it, for collision reports: `rss feed`, `sitemap`. */
  origin: string;
  /** The front matter that asked for it (an alias), so a collision report points at the line. */
  place?: Pick<Diagnostic, 'file' | 'line' | 'column'>;
}

/** A page of the plan, as the discovery outputs see it (they need no HTML). */
export interface PageInfo {
  url: string;
  /** Not for sitemaps (search results, the 404 page). */
  noindex?: boolean;
  kind: string;
  /** Last change of what the page shows, for sitemaps. */
  lastmod?: Date;
}

/** A rendered page, as the search index sees it. */
export interface RenderedPageInfo extends PageInfo {
  html: string;
}
