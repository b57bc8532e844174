import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ContentOptions, ParsedSource } from '../content/parse-source.js';

/**
 * Parsed content kept in `.cache/migrant-site/` between builds, keyed by file
 * path and content hash, for one set of markdown options and one version of
 * the tool. An optimisation only: a missing, stale, corrupt or half-written
 * cache file is ignored and rebuilt, and deleting it changes no output.
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

export async function loadParseCache(root: string, options: ContentOptions, toolVersion: string): Promise<ParseCache> {
  const file = join(cacheDir(root), 'parsed.v8');
  // Anything that changes parser output must change this string.
  const format = JSON.stringify(['parsed-2', toolVersion, options]);
  const entries = new Map<string, ParsedSource>();
  try {
    const data = deserialize(await readFile(file)) as CacheFile;
    if (data && data.format === format && Array.isArray(data.entries)) for (const [key, value] of data.entries) entries.set(key, value);
  } catch {
    // No cache yet, or one that cannot be trusted: start empty.
  }
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
      if (!dirty) return;
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      try {
        await writeFile(temp, serialize({ format, entries: [...entries] } satisfies CacheFile));
        await rename(temp, file);
        dirty = false;
      } catch {
        // A cache that cannot be written only costs time next build.
        await rm(temp, { force: true });
      }
    },
  };
}
