import * as pagefind from 'pagefind';
import type { SiteConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';
import type { GeneratedFile, RenderedPageInfo } from './generated-file.js';

// The only pagefind import. Pagefind indexes the rendered article pages in
// memory (its binary runs as a child process) and hands back its UI bundle and
// index fragments, which go through the build's atomic writer like any page.

export interface SearchIndexOptions {
  /** How long indexing may take before the build gives up; default grows with the number of articles. */
  timeoutMs?: number;
}

/** Pagefind's bundle for the article pages, as files under `/pagefind/`; none when search is off. */
export async function renderSearchIndex(pages: RenderedPageInfo[], config: SiteConfig, options: SearchIndexOptions = {}): Promise<GeneratedFile[]> {
  if (!config.search.enabled) return [];
  // Only articles are search results; sorted so the index is the same for the same site.
  const posts = pages.filter((p) => p.kind === 'post').sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const timeoutMs = options.timeoutMs ?? 60_000 + posts.length * 20;
  try {
    const files = await withTimeout(indexPages(posts), timeoutMs);
    return files.map((f) => ({ url: `/pagefind/${f.path}`, data: f.content, origin: 'search index' }));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SiteError(
      error(codes.searchIndex, `could not build the search index: ${reason}`, {
        hint: 'set "search": { "enabled": false } in site.config.json to build without search, and report the problem',
      }),
      { cause },
    );
  } finally {
    // Stops the binary: a stuck one must not outlive the build, and a finished one has nothing left to do.
    await pagefind.close();
  }
}

async function indexPages(posts: RenderedPageInfo[]): Promise<pagefind.IndexFile[]> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(errors.join('; ') || 'pagefind did not start');
  for (const page of posts) {
    const added = await index.addHTMLFile({ url: page.url, content: page.html });
    if (added.errors.length > 0) throw new Error(`${page.url}: ${added.errors.join('; ')}`);
  }
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new Error(fileErrors.join('; '));
  return files;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`pagefind did not finish within ${(ms / 1000).toFixed(1)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
