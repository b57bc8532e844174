import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteConfig } from '../config/schema.js';
import type { GeneratedFile } from '../outputs/generated-file.js';
import { startSearchIndex, type SearchIndexer } from '../outputs/search-index.js';
import type { PageRoute } from '../routes/plan-routes.js';
import { hashOf } from '../text/hash.js';
import { mapLimited } from '../write/map-limited.js';

// How a build gets its search index: reused from the last build when no
// article changed, made while pages render (see search-feed.ts), or left to a
// later refresh (serve --watch).

export type SearchPlan =
  | { kind: 'off' }
  | { kind: 'reuse'; urls: string[] }
  | { kind: 'index'; indexer: SearchIndexer };

export interface SearchInputs {
  config: SiteConfig;
  deferred: boolean;
  articleKey: string;
  /** The last build's index, when it is known to be in the output folder. */
  previous?: { key: string; urls: string[] };
}

/** One key for the search index's inputs: the signatures of every article page, in order. */
export function articleKeyOf(routes: PageRoute[], signatures: ReadonlyMap<string, string>): string {
  return hashOf(...routes.filter((r) => r.meta.kind === 'post').map((r) => `${r.url} ${signatures.get(r.outputPath)}`));
}

export function planSearch(input: SearchInputs): SearchPlan {
  if (!input.config.search.enabled || input.deferred) return { kind: 'off' };
  if (input.previous?.key === input.articleKey) return { kind: 'reuse', urls: input.previous.urls };
  return { kind: 'index', indexer: startSearchIndex(input.config) };
}

/** A fresh index of the article pages in the output folder (serve --watch, after a rebuild). */
export async function indexOutputFolder(config: SiteConfig, outDir: string, articles: { url: string; outputPath: string }[]): Promise<GeneratedFile[]> {
  const indexer = startSearchIndex(config);
  const htmls = await mapLimited(articles, 16, (a) => readFile(join(outDir, a.outputPath), 'utf8'));
  for (const [i, a] of articles.entries()) await indexer.add({ url: a.url, kind: 'post', html: htmls[i] });
  return indexer.finish();
}
