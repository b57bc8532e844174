import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ContentOptions, ParsedSource } from '../content/parse-source.js';
import { isParsedSource } from './check-parsed.js';
import { decodeRecords, encodeRecords, type Records } from './record-file.js';
import { replaceCacheFile } from './replace-cache-file.js';

/**
 * Parsed content kept in `.cache/migrant-site/` between builds, keyed by file
 * path and content hash, for one set of markdown options and one build of
 * the generator (its code, not only its version). An optimisation only: a
 * missing, stale, corrupt, crafted or half-written cache file or entry is
 * ignored and parsed again, and deleting it changes no output.
 *
 * The file is an index and one serialised record per entry (record-file.ts):
 * loading reads it as one buffer and decodes an entry only when it is asked
 * for, and saving copies the bytes of entries it did not decode, so a build
 * that changed one article rewrites the file without re-encoding the others.
 */
export interface ParseCache {
  get(key: string): ParsedSource | undefined;
  set(key: string, value: ParsedSource): void;
  /** Writes the entries used by this build (atomically) if anything changed. */
  save(usedKeys: Iterable<string>): Promise<void>;
  /** Why the cache file could not be used, when it was there but damaged (a build then parses everything). */
  problem?: string;
}

export const cacheDir = (root: string) => join(root, '.cache', 'migrant-site');

/** A cache key binds an entry to its file, the hash of the file's bytes, and anything else its parse read (the data files). */
export const parseCacheKey = (path: string, hash: string, ...inputs: string[]) => [path, hash, ...inputs].join('\0');

export const parseCacheFile = (root: string) => join(cacheDir(root), 'parsed.bin');

/** `generator` is generatorKey(): anything that changes parser output changes the format string. */
export async function loadParseCache(root: string, options: ContentOptions, generator: string): Promise<ParseCache> {
  const file = parseCacheFile(root);
  const format = JSON.stringify(['parsed-3', generator, options]);
  const { records, problem } = await loadRecords(file, format);
  const added = new Map<string, ParsedSource>();
  let dirty = false;
  return {
    get(key) {
      const value = added.get(key) ?? decode(records, key);
      // A record that does not decode to what the parser makes is dropped like a missing one.
      if (value === undefined && records.has(key)) {
        records.delete(key);
        dirty = true;
      }
      return value;
    },
    set(key, value) {
      added.set(key, value);
      dirty = true;
    },
    async save(usedKeys) {
      const used = new Set(usedKeys);
      for (const key of [...records.keys(), ...added.keys()]) {
        if (!used.has(key)) {
          dirty = records.delete(key) || dirty;
          dirty = added.delete(key) || dirty;
        }
      }
      if (!dirty) return;
      const out: Records = new Map(records);
      for (const [key, value] of added) out.set(key, serialize(value));
      if (await replaceCacheFile(file, encodeRecords(format, out))) {
        records.clear();
        for (const [key, bytes] of out) records.set(key, bytes);
        added.clear();
        dirty = false;
        // The single-object file of earlier versions would otherwise stay in CI caches forever.
        await rm(join(cacheDir(root), 'parsed.v8'), { force: true });
      }
    },
    ...(problem ? { problem } : {}),
  };
}

function decode(records: Records, key: string): ParsedSource | undefined {
  const bytes = records.get(key);
  if (!bytes) return undefined;
  try {
    const value: unknown = deserialize(bytes);
    return isParsedSource(value, key.split('\0')[0]) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function loadRecords(file: string, format: string): Promise<{ records: Records; problem?: string }> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch {
    return { records: new Map() };
  }
  const decoded = decodeRecords(buffer);
  if ('problem' in decoded) return { records: new Map(), problem: `${file}: ${decoded.problem}` };
  // Another generator or other markdown options: a normal miss, not damage.
  return { records: decoded.format === format ? decoded.records : new Map() };
}
