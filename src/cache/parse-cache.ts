import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ContentOptions, ParsedSource } from '../content/parse-source.js';
import { isParsedSource } from './check-parsed.js';
import { openRecordFile, recordChunks } from './record-file.js';
import { replaceCacheFile } from './replace-cache-file.js';
import { openSpillFile, type SpillFile } from './spill-file.js';

/**
 * Parsed content kept in `.cache/migrant-site/` between builds, keyed by file
 * path and content hash, for one set of markdown options and one build of
 * the generator (its code, not only its version). An optimisation only: a
 * missing, stale, corrupt, crafted or half-written cache file or entry is
 * ignored and parsed again, and deleting it changes no output.
 *
 * The file is an index and one serialised record per entry (record-file.ts):
 * loading reads the index, an entry is read and decoded only when asked for,
 * and saving copies the bytes of the entries it keeps from the old file, so
 * a build that changed one article rewrites the file without decoding or
 * holding the others. Entries set in this build wait for the save in a spill
 * file (spill-file.ts), not in memory.
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
  const opened = openRecordFile(file);
  const problem = opened && 'problem' in opened ? `${file}: ${opened.problem}` : undefined;
  let stored = opened && !('problem' in opened) ? opened : undefined;
  // Another generator or other markdown options: a normal miss, not damage.
  if (stored && stored.format !== format) {
    stored.close();
    stored = undefined;
  }
  const dropped = new Set<string>();
  /** Entries set in this build: each one's length and how to read its bytes back. */
  const added = new Map<string, { length: number; bytes: () => Uint8Array | undefined }>();
  /** null once a spill file could not be made: entries then wait in memory. */
  let spill: SpillFile | null | undefined;
  let dirty = false;
  return {
    get(key) {
      const bytes = added.get(key)?.bytes() ?? (dropped.has(key) ? undefined : stored?.read(key));
      const value = bytes && decode(bytes, key);
      // A record that does not decode to what the parser makes is dropped like a missing one.
      if (!value && stored?.has(key) && !dropped.has(key)) {
        dropped.add(key);
        dirty = true;
      }
      return value;
    },
    set(key, value) {
      const bytes = serialize(value);
      if (spill === undefined) spill = openSpillFile(cacheDir(root)) ?? null;
      added.set(key, { length: bytes.byteLength, bytes: spill?.put(bytes) ?? (() => bytes) });
      dirty = true;
    },
    async save(usedKeys) {
      const used = new Set(usedKeys);
      const old = [...(stored?.keys() ?? [])].filter((key) => !dropped.has(key) && !added.has(key));
      const kept = old.filter((key) => used.has(key));
      const fresh = [...added.keys()].filter((key) => used.has(key));
      if (!dirty && kept.length === old.length) return;
      const records = [
        ...kept.map((key) => ({ key, length: stored!.size(key), bytes: () => stored!.read(key) })),
        ...fresh.map((key) => ({ key, ...added.get(key)! })),
      ];
      if (!(await replaceCacheFile(file, recordChunks(format, records)))) return;
      spill?.close();
      spill = undefined;
      // From now on records come from the new file; nothing is held in memory.
      stored?.close();
      const reopened = openRecordFile(file);
      stored = reopened && !('problem' in reopened) ? reopened : undefined;
      added.clear();
      dropped.clear();
      dirty = false;
      // The single-object file of earlier versions would otherwise stay in CI caches forever.
      await rm(join(cacheDir(root), 'parsed.v8'), { force: true });
    },
    ...(problem ? { problem } : {}),
  };
}

function decode(bytes: Uint8Array, key: string): ParsedSource | undefined {
  try {
    const value: unknown = deserialize(bytes);
    return isParsedSource(value, key.split('\0')[0]) ? value : undefined;
  } catch {
    return undefined;
  }
}
