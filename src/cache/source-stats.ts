import { readFile } from 'node:fs/promises';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { hashOf } from '../text/hash.js';
import { cacheDir } from './parse-cache.js';
import { replaceCacheFile } from './replace-cache-file.js';

/**
 * What each source file's stat data was when its bytes were last hashed, so a
 * warm build (an editor's, or a CI job's with `.cache/` restored) can skip
 * reading and hashing files that did not change, as git's index does.
 *
 * A hash is trusted only when size, mtime, ctime and inode are all exactly as
 * recorded. ctime cannot be set from user space, so an edit that restores the
 * old mtime (`touch -r`, `cp -p`, a tool keeping timestamps) still shows; a
 * fresh checkout or a restored cache gives every file a new ctime and inode,
 * so those builds hash everything again: they pay the hash, never serve a
 * stale one. A file changed in the same clock tick as its hash was taken
 * would look unchanged ("racily clean" in git's words), so files touched
 * within `racyMs` of the moment they were stat'ed are not recorded at all.
 */
export interface SourceStats {
  /** The recorded hash of `path`, when its stat data is exactly what it was when that hash was taken. */
  known(path: string, stat: Stats): string | undefined;
  /** `stat` must have been taken before the bytes that gave `hash` were read. */
  record(path: string, stat: Stats, hash: string): void;
  /** Keeps only `paths` and writes the file (atomically) if anything changed. */
  save(paths: Iterable<string>): Promise<void>;
}

/** Timestamps on some file systems are coarse (ext4 uses the kernel's tick, a few ms): leave a wide margin. */
export const racyMs = 1000;

const format = 'source-stats-1';

/** [size, mtimeMs, ctimeMs, ino, hash]: flat rows deserialize fast and stay small at 16,000 files. */
type Row = [number, number, number, number, string];

/** `name`: the file under `.cache/migrant-site/` (each user of these records keeps its own, and prunes it to its own paths). */
export async function loadSourceStats(root: string, now: () => number = Date.now, name = 'sources.v8'): Promise<SourceStats> {
  const file = join(cacheDir(root), name);
  const rows = await loadRows(file);
  let dirty = false;
  return {
    known(path, stat) {
      const row = rows.get(path);
      return row && row[0] === stat.size && row[1] === stat.mtimeMs && row[2] === stat.ctimeMs && row[3] === stat.ino ? row[4] : undefined;
    },
    record(path, stat, hash) {
      const racy = Math.max(stat.mtimeMs, stat.ctimeMs) > now() - racyMs;
      if (racy) {
        dirty = rows.delete(path) || dirty;
        return;
      }
      const old = rows.get(path);
      if (old && old[0] === stat.size && old[1] === stat.mtimeMs && old[2] === stat.ctimeMs && old[3] === stat.ino && old[4] === hash) return;
      rows.set(path, [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, hash]);
      dirty = true;
    },
    async save(paths) {
      const keep = new Set(paths);
      for (const path of rows.keys()) if (!keep.has(path)) dirty = rows.delete(path) || dirty;
      if (dirty && (await replaceCacheFile(file, serialize({ format, rows: [...rows] })))) dirty = false;
    },
  };
}

/**
 * The hash of a file's bytes: the recorded one while its stat data is as
 * recorded, else read now (stat first) and recorded. Undefined when it is not
 * a readable file. Synchronous: for thousands of small files on a local disk,
 * a loop of reads is about four times faster than as many promises.
 */
export function hashFile(stats: SourceStats, path: string, absPath: string): string | undefined {
  const stat = statSync(absPath, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  const known = stats.known(path, stat);
  if (known !== undefined) return known;
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch {
    return undefined;
  }
  const hash = hashOf(bytes);
  stats.record(path, stat, hash);
  return hash;
}

/** Like the parse cache, the file is untrusted input: rows of another shape are dropped (their files are hashed). */
async function loadRows(file: string): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  try {
    const data = deserialize(await readFile(file)) as { format?: unknown; rows?: unknown } | null;
    if (data?.format !== format || !Array.isArray(data.rows)) return rows;
    for (const entry of data.rows as unknown[]) if (isEntry(entry)) rows.set(entry[0], entry[1]);
  } catch {
    // No file yet, or one that cannot be read: every source is hashed.
  }
  return rows;
}

function isEntry(v: unknown): v is [string, Row] {
  if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string') return false;
  const row = v[1] as unknown[];
  return Array.isArray(row) && row.length === 5 && row.slice(0, 4).every((n) => typeof n === 'number') && typeof row[4] === 'string';
}
