import type { SiteConfig } from '../config/schema.js';
import type { PostNode, SiteGraph, Term } from '../graph/types.js';
import { buildFeedDoc, feedFiles, type FeedDoc, type FeedFormat, type FeedSource } from './feed-model.js';
import type { GeneratedFile } from './generated-file.js';
import { siteLanguages } from '../graph/site-languages.js';
import { languageName } from '../text/language.js';
import { renderAtom } from './render-atom.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderRss } from './render-rss.js';

const renderers: Record<FeedFormat, (doc: FeedDoc) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

interface LabelledSource extends FeedSource {
  /** For collision reports: `category "Greece"`. */
  label: string;
}

/**
 * The site's feeds (`/feed.xml`, `/atom.xml`, `/feed.json`) and, as the config
 * enables them, the same files under each category, author and tag URL.
 * With `showing`, only the feeds that list one of those posts (after a body edit).
 */
export function renderFeeds(graph: SiteGraph, config: SiteConfig, showing?: ReadonlySet<PostNode>): GeneratedFile[] {
  const formats = [...new Set(config.feeds.formats)];
  const sources = feedSources(graph, config).filter((s) => !showing || s.posts.slice(0, config.feeds.limit).some((p) => showing.has(p)));
  return sources.flatMap((source) => {
    const doc = buildFeedDoc(source, config);
    return formats.map((format) => ({
      url: source.url + feedFiles[format],
      data: renderers[format](doc),
      origin: `${format} feed${source.label ? ` of ${source.label}` : ''}`,
    }));
  });
}

function feedSources(graph: SiteGraph, config: SiteConfig): LabelledSource[] {
  const sources: LabelledSource[] = [{ url: '/', name: '', label: '', description: config.description, posts: graph.posts }];
  const languages = siteLanguages(graph);
  // A reader of one language follows that language's feed: /ar/feed.xml beside /feed.xml.
  if (languages.length > 1) {
    for (const lang of languages) {
      const posts = graph.posts.filter((p) => p.lang === lang);
      sources.push({ url: `/${lang}/`, home: '/', name: languageName(lang), label: `language "${lang}"`, language: lang, description: config.description, posts });
    }
  }
  const fromTerm = (t: Term): LabelledSource => ({ url: t.url, name: t.name, label: `${t.kind} "${t.name}"`, description: t.description ?? '', posts: t.posts });
  if (config.feeds.categories) sources.push(...allTerms(graph.categories).map(fromTerm));
  if (config.feeds.tags) sources.push(...graph.tags.map(fromTerm));
  if (config.feeds.authors) {
    sources.push(...graph.authors.map((a) => ({ url: a.url, name: a.name, label: `author "${a.id}"`, description: a.role ?? '', posts: a.posts })));
  }
  return sources;
}

/** Categories are a tree and every node has a page, so every node gets feeds. */
function allTerms(roots: readonly Term[]): Term[] {
  const seen = new Set<Term>();
  const visit = (t: Term) => {
    if (seen.has(t)) return;
    seen.add(t);
    t.children.forEach(visit);
  };
  roots.forEach(visit);
  return [...seen];
}
