import { statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePopularityBytes } from '../content/parse-popularity.js';
import { isSiteDataFile, parseSiteData } from '../content/site-data.js';
import type { ContentOptions, ParsedSource, SourceText } from '../content/parse-source.js';
import type { SourceFile } from '../content/scan-content.js';
import type { Author, Page, PopularityData, Post } from '../graph/types.js';
import { mapLimited } from '../write/map-limited.js';
import { parseCacheKey, type ParseCache } from '../cache/parse-cache.js';
import type { SourceStats } from '../cache/source-stats.js';
import { hashOf } from '../text/hash.js';
import { isMarkdownSource, isPopularity, isStoreSource } from './store-sources.js';

export interface LoadedContent {
  posts: Post[];
  pages: Page[];
  authors: Author[];
  popularity?: PopularityData;
  /** Source path → hash of its bytes, for deciding what a rebuild must re-render. */
  versions: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Parses many sources at once; the build can hand this to a worker pool. */
export type ParseMany = (sources: (SourceText & { kind: ParsedSource['kind'] })[], options: ContentOptions) => Promise<ParsedSource[]>;

export interface ContentStore {
  /**
   * Brings parsed content up to date with `files`. Only files in `changed`
   * (every file when undefined) are read again; a file whose bytes did not
   * change is not parsed again.
   */
  load(files: SourceFile[], changed?: ReadonlySet<string>): Promise<LoadedContent>;
}

interface Entry {
  hash: string;
  parsed: ParsedSource | { kind: 'data'; popularity?: PopularityData; diagnostics: Diagnostic[] };
}


/** `stats` lets a build skip reading files whose stat data shows they did not change (see source-stats.ts). */
export function createContentStore(options: ContentOptions, parseMany: ParseMany, cache?: ParseCache, stats?: SourceStats): ContentStore {
  const entries = new Map<string, Entry>();
  let data: { key: string; paths: string; options: ContentOptions; diagnostics: Diagnostic[] } | undefined;

  /** `site.data` for Liquid in bodies: when a data file changes, every body is parsed again. */
  async function loadData(files: SourceFile[], changed: ReadonlySet<string> | undefined) {
    const dataFiles = files.filter((f) => f.kind === 'data' && isSiteDataFile(f.within));
    const paths = dataFiles.map((f) => f.path).join('\n');
    if (data && changed && data.paths === paths && !dataFiles.some((f) => changed.has(f.path))) return false;
    const texts = await Promise.all(dataFiles.map(async (f) => ({ path: f.path, text: await readFile(f.absPath, 'utf8').catch(() => '') })));
    const key = dataKeyOf(texts.map((t) => t.path), texts.map((t) => t.text));
    if (data?.key === key) return false;
    const parsed = parseSiteData(texts);
    data = { key, paths, options: { ...options, liquid: { ...options.liquid, site: { ...options.liquid.site, data: parsed.data } } }, diagnostics: parsed.diagnostics };
    return true;
  }

  /**
   * A markdown file whose stat data matches the hash recorded for it is taken
   * from memory or the parse cache without reading it; files a watcher named
   * as changed are always read.
   */
  function useKnownHash(file: SourceFile, stat: Stats | undefined, changed?: ReadonlySet<string>): boolean {
    const hash = stat && isMarkdownSource(file) && !changed?.has(file.path) ? stats?.known(file.path, stat) : undefined;
    if (hash === undefined) return false;
    if (entries.get(file.path)?.hash === hash) return true;
    const cached = cache?.get(parseCacheKey(file.path, hash, data!.key));
    if (cached) entries.set(file.path, { hash, parsed: cached });
    return !!cached;
  }

  return {
    async load(files, changed) {
      const dataChanged = await loadData(files, changed);
      if (dataChanged) for (const [path, entry] of entries) if (entry.parsed.kind !== 'data') entries.delete(path);
      const { key: dataKey, options: parseOptions } = data!;
      const wanted = files.filter(isStoreSource);
      const stale = wanted.filter((f) => changed === undefined || changed.has(f.path) || !entries.has(f.path));
      // Stat before reading: a file that changes in between is then hashed again next time, never trusted.
      const statted = stale.map((file) => ({ file, stat: statSync(file.absPath, { throwIfNoEntry: false }) }));
      const unread = statted.filter(({ file, stat }) => !useKnownHash(file, stat, changed));
      const read = await mapLimited(unread, 64, async ({ file, stat }) => ({ file, stat, bytes: await readFile(file.absPath).catch((e: NodeJS.ErrnoException) => e) }));

      const toParse: (SourceText & { kind: ParsedSource['kind'] })[] = [];
      const hashes = new Map<string, string>();
      for (const { file, stat, bytes } of read) {
        if (bytes instanceof Error) {
          entries.set(file.path, { hash: '', parsed: { kind: 'data', diagnostics: [error(codes.contentRead, `cannot read file: ${bytes.code ?? bytes.message}`, { file: file.path })] } });
          continue;
        }
        const hash = hashOf(bytes);
        if (stat) stats?.record(file.path, stat, hash);
        if (entries.get(file.path)?.hash === hash) continue;
        if (isPopularity(file)) {
          const result = parsePopularityBytes(bytes, file.path);
          entries.set(file.path, { hash, parsed: { kind: 'data', popularity: result.data, diagnostics: result.diagnostics } });
          continue;
        }
        const cached = cache?.get(parseCacheKey(file.path, hash, dataKey));
        if (cached) {
          entries.set(file.path, { hash, parsed: cached });
          continue;
        }
        hashes.set(file.path, hash);
        toParse.push({ path: file.path, bytes, kind: file.kind as ParsedSource['kind'] });
      }
      const parsed = await parseMany(toParse, parseOptions);
      parsed.forEach((result, i) => {
        const { path } = toParse[i];
        const hash = hashes.get(path)!;
        entries.set(path, { hash, parsed: result });
        cache?.set(parseCacheKey(path, hash, dataKey), result);
      });

      const present = new Set(wanted.map((f) => f.path));
      for (const path of entries.keys()) if (!present.has(path)) entries.delete(path);
      // Saved after full builds only: a watch rebuild should not rewrite the whole cache.
      if (changed === undefined) {
        await cache?.save([...entries].filter(([, e]) => e.parsed.kind !== 'data').map(([path, e]) => parseCacheKey(path, e.hash, dataKey)));
        await stats?.save(present);
      }
      const result = collect(wanted, entries);
      result.diagnostics.push(...data!.diagnostics);
      return result;
    },
  };
}

function collect(files: SourceFile[], entries: Map<string, Entry>): LoadedContent {
  const result: LoadedContent = { posts: [], pages: [], authors: [], versions: new Map(), diagnostics: [] };
  for (const file of files) {
    const entry = entries.get(file.path)!;
    const p = entry.parsed;
    result.versions.set(file.path, entry.hash);
    result.diagnostics.push(...p.diagnostics);
    if (p.kind === 'post' && p.post) result.posts.push(p.post);
    else if (p.kind === 'page' && p.page) result.pages.push(p.page);
    else if (p.kind === 'author' && p.author) result.authors.push(p.author);
    else if (p.kind === 'data' && p.popularity) result.popularity = p.popularity;
  }
  return result;
}

function dataKeyOf(paths: string[], texts: string[]): string {
  return hashOf(JSON.stringify([paths, texts]));
}
