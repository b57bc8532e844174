import { readFile } from 'node:fs/promises';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePopularity } from '../content/parse-popularity.js';
import { parseAuthor, parsePage, parsePost, type ContentOptions, type ParsedSource } from '../content/parse-source.js';
import type { SourceFile } from '../content/scan-content.js';
import { mapLimited } from './map-limited.js';
import type { Author, Page, PopularityData, Post } from '../graph/types.js';

export interface LoadedContent {
  posts: Post[];
  pages: Page[];
  authors: Author[];
  popularity?: PopularityData;
  diagnostics: Diagnostic[];
}

const parsers = { post: parsePost, page: parsePage, author: parseAuthor } as const;

/** Reads and parses every article, page and author; collects all problems rather than stopping at the first. */
export async function loadContent(files: SourceFile[], options: ContentOptions): Promise<LoadedContent> {
  const result: LoadedContent = { posts: [], pages: [], authors: [], diagnostics: [] };
  const markdownFiles = files.filter((f): f is SourceFile & { kind: keyof typeof parsers } => f.kind in parsers);
  const parsed = await mapLimited(markdownFiles, 64, async (file): Promise<ParsedSource> => {
      const bytes = await readFile(file.absPath).catch((cause: NodeJS.ErrnoException) => cause);
      if (bytes instanceof Error) {
        return { kind: file.kind, diagnostics: [error(codes.contentRead, `cannot read file: ${bytes.code ?? bytes.message}`, { file: file.path })] };
      }
      return parsers[file.kind]({ path: file.path, bytes }, options);
    });
  for (const p of parsed) {
    result.diagnostics.push(...p.diagnostics);
    if (p.kind === 'post' && p.post) result.posts.push(p.post);
    if (p.kind === 'page' && p.page) result.pages.push(p.page);
    if (p.kind === 'author' && p.author) result.authors.push(p.author);
  }
  const popularityFile = files.find((f) => f.kind === 'data' && /^popularity\.(json|csv)$/.test(f.within));
  if (popularityFile) {
    const popularity = parsePopularity(await readFile(popularityFile.absPath, 'utf8'), popularityFile.path);
    result.popularity = popularity.data;
    result.diagnostics.push(...popularity.diagnostics);
  }
  return result;
}
