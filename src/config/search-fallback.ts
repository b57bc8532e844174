// The web search engines the search page's form can ask when JavaScript is
// off (`search.fallback`), each with the query field that keeps results on
// the site. DuckDuckGo narrows by domain only; Google also by path.

export const searchEngines = {
  duckduckgo: { name: 'DuckDuckGo', action: 'https://duckduckgo.com/', siteField: 'sites', withPath: false },
  google: { name: 'Google', action: 'https://www.google.com/search', siteField: 'as_sitesearch', withPath: true },
} as const;

export type SearchEngine = keyof typeof searchEngines;

export interface SearchFallbackForm {
  /** The engine's name, for the note beside the form. */
  name: string;
  action: string;
  /** Hidden fields sent with the reader's `q`. */
  fields: Array<{ name: string; value: string }>;
}

/** The no-JavaScript search form for a site published at `baseUrl`. */
export function searchFallbackForm(engine: SearchEngine, baseUrl: string): SearchFallbackForm {
  const { name, action, siteField, withPath } = searchEngines[engine];
  const base = new URL(baseUrl);
  const path = base.pathname.replace(/\/+$/, '');
  return { name, action, fields: [{ name: siteField, value: withPath ? `${base.host}${path}` : base.host }] };
}
