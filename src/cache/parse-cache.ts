import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ContentOptions, ParsedSource } from '../content/parse-source.js';
import { isParsedSource } from './check-parsed.js';
import { replaceCacheFile } from './replace-cache-file.js';

/**
 * Parsed content kept in `.cache/migrant-site/` between builds, keyed by file
 * path and content hash, for one set of markdown options and one build of
 * the generator (its code, not only its version). An optimisation only: a
 * missing, stale, corrupt, crafted or half-written cache file or entry is
 * ignored and parsed again, and deleting it changes no output.
 */
export interface ParseCache {
  get(key: string): ParsedSource | undefined;
  set(key: string, value: ParsedSource): void;
  /** Writes the entries used by this build (atomically) if anything changed. */
  save(usedKeys: Iterable<string>): Promise<void>;
}

interface CacheFile {
  format: string;
  entries: [string, ParsedSource][];
}

export const cacheDir = (root: string) => join(root, '.cache', 'migrant-site');

/** A cache key binds an entry to its file, the hash of the file's bytes, and anything else its parse read (the data files). */
export const parseCacheKey = (path: string, hash: string, ...inputs: string[]) => [path, hash, ...inputs].join('\0');

/** `generator` is generatorKey(): anything that changes parser output changes the format string. */
export async function loadParseCache(root: string, options: ContentOptions, generator: string): Promise<ParseCache> {
  const file = join(cacheDir(root), 'parsed.v8');
  const format = JSON.stringify(['parsed-2', generator, options]);
  const entries = await loadEntries(file, format);
  let dirty = false;
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      entries.set(key, value);
      dirty = true;
    },
    async save(usedKeys) {
      const used = new Set(usedKeys);
      for (const key of entries.keys()) {
        if (!used.has(key)) {
          entries.delete(key);
          dirty = true;
        }
      }
      if (dirty && (await replaceCacheFile(file, serialize({ format, entries: [...entries] } satisfies CacheFile)))) dirty = false;
    },
  };
}

async function loadEntries(file: string, format: string): Promise<Map<string, ParsedSource>> {
  const entries = new Map<string, ParsedSource>();
  try {
    const data = deserialize(await readFile(file)) as Partial<CacheFile> | null;
    if (data?.format !== format || !Array.isArray(data.entries)) return entries;
    for (const entry of data.entries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
      const [key, value] = entry as [string, unknown];
      if (isParsedSource(value, key.split('\0')[0])) entries.set(key, value);
    }
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }
  return entries;
}
