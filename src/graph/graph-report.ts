import { findNearDuplicates } from './near-duplicates.js';
import type { PostNode, SiteGraph, Term } from './types.js';

export interface ArticleReport {
  url: string;
  title: string;
  tags: string[];
  categories: string[];
  /** Author ids. */
  authors: string[];
  /** URLs of the related posts. */
  related: string[];
  /** URLs of other articles this one links to (`href="/…"` in its HTML). */
  links: string[];
}

export interface TermSummary {
  name: string;
  slug: string;
  count: number;
}

export interface GraphReport {
  articles: ArticleReport[];
  terms: { tags: TermSummary[]; categories: TermSummary[] };
  findings: {
    /** Articles nothing links to and with no related edge in either direction. */
    orphans: string[];
    tagsUsedOnce: string[];
    nearDuplicateTerms: Array<[string, string]>;
  };
}

/** Data for `migrant-site graph`: articles, their edges, terms, and what looks neglected. */
export function toGraphReport(graph: SiteGraph): GraphReport {
  const urls = new Set(graph.posts.map((p) => p.url));
  const articles = graph.posts.map((post) => ({
    url: post.url,
    title: post.title,
    tags: post.tagTerms.map((t) => t.name),
    categories: post.categoryTerms.map((t) => t.name),
    authors: post.authors.map((a) => a.id),
    related: post.related.map((p) => p.url),
    links: internalLinks(post, urls),
  }));
  const connected = new Set<string>();
  for (const article of articles) {
    if (article.related.length > 0) connected.add(article.url);
    for (const url of [...article.related, ...article.links]) connected.add(url);
  }
  return {
    articles,
    terms: { tags: graph.tags.map(summary), categories: graph.categories.map(summary) },
    findings: {
      orphans: articles.filter((a) => !connected.has(a.url)).map((a) => a.url),
      tagsUsedOnce: graph.tags.filter((t) => t.posts.length === 1).map((t) => t.name),
      nearDuplicateTerms: [
        ...findNearDuplicates(graph.tags.map((t) => t.name)),
        ...findNearDuplicates(graph.categories.map((t) => t.name)),
      ],
    },
  };
}

function summary(term: Term): TermSummary {
  return { name: term.name, slug: term.slug, count: term.posts.length };
}

/** Site-relative hrefs to other articles, first occurrence order, without repeats. */
function internalLinks(post: PostNode, urls: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const match of post.html.matchAll(/href\s*=\s*(["'])(\/(?!\/)[^"'#?]*)[^"']*\1/g)) {
    const url = normaliseHref(match[2]);
    if (url !== post.url && urls.has(url)) found.add(url);
  }
  return [...found];
}

function normaliseHref(href: string): string {
  let path = href.replace(/&amp;/g, '&');
  try {
    path = decodeURI(path);
  } catch {
    // Malformed escapes match no article; keep the text as written.
  }
  return path.endsWith('/') ? path : `${path}/`;
}

/** The report as a Graphviz digraph: solid edges are links, dashed edges related posts. */
export function toDot(report: GraphReport): string {
  const lines = ['digraph site {', '  node [shape=box];'];
  for (const article of report.articles) lines.push(`  ${quote(article.url)} [label=${quote(article.title)}];`);
  for (const article of report.articles) {
    for (const url of article.links) lines.push(`  ${quote(article.url)} -> ${quote(url)};`);
    for (const url of article.related) lines.push(`  ${quote(article.url)} -> ${quote(url)} [style=dashed];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}
