import type { SiteGraph } from './types.js';

/** The languages of the published articles, sorted; a site with more than one gets a feed per language. */
export function siteLanguages(graph: Pick<SiteGraph, 'posts'>): string[] {
  return [...new Set(graph.posts.map((post) => post.lang))].sort();
}
