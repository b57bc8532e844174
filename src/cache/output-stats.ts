import { statSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Size and mtime of every file a complete build left in the output folder,
 * saved with the build state so the next build can check the folder by
 * stat'ing the files it lists instead of walking it. A file deleted, or
 * edited (new size or mtime), behind the build's back no longer matches and
 * its page is made again. Not ctime or inode: unchanged files are hard-linked
 * into each new output (which sets their ctime), and a CI cache restore gives
 * every file a new inode while keeping size and mtime. Mtimes are compared
 * to the whole second, as much as every archive format and copy tool keeps;
 * a hand edit that keeps a file's size within the second it was written is
 * the one change this check cannot see.
 * Flat arrays: 45,000 rows load in a few milliseconds.
 */
export interface OutputStats {
  paths: string[];
  sizes: number[];
  /** Whole seconds. */
  mtimes: number[];
}

/** The listed files whose size and mtime are still as saved. */
export function verifyOutputs(outDir: string, saved: OutputStats): Set<string> {
  const same = new Set<string>();
  // Joined by hand: path.join per file cost a tenth of the check at 30,000 files. The saved paths are relative, with forward slashes.
  const prefix = outDir.endsWith(sep) ? outDir : `${outDir}${sep}`;
  saved.paths.forEach((path, i) => {
    // Synchronous stat: tens of thousands of async calls cost more in scheduling than the syscalls themselves.
    const info = statSync(`${prefix}${path}`, { throwIfNoEntry: false });
    if (info?.isFile() && info.size === saved.sizes[i] && seconds(info.mtimeMs) === saved.mtimes[i]) same.add(path);
  });
  return same;
}

/** Stat data of `paths` after a write; files `reuse` vouches for (verified, then not rewritten) are not stat'ed again. */
export function recordOutputs(outDir: string, paths: Iterable<string>, reuse?: { saved: OutputStats; same: ReadonlySet<string>; rewritten: ReadonlySet<string> }): OutputStats {
  const known = new Map<string, number>();
  if (reuse) reuse.saved.paths.forEach((path, i) => reuse.same.has(path) && !reuse.rewritten.has(path) && known.set(path, i));
  const out: OutputStats = { paths: [], sizes: [], mtimes: [] };
  for (const path of paths) {
    const i = known.get(path);
    const info = i === undefined ? statSync(join(outDir, path), { throwIfNoEntry: false }) : undefined;
    if (i === undefined && !info?.isFile()) continue;
    out.paths.push(path);
    out.sizes.push(i === undefined ? info!.size : reuse!.saved.sizes[i]);
    out.mtimes.push(i === undefined ? seconds(info!.mtimeMs) : reuse!.saved.mtimes[i]);
  }
  return out;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export function isOutputStats(v: unknown): v is OutputStats {
  const s = v as Partial<OutputStats> | null;
  const numbers = (a: unknown): a is number[] => Array.isArray(a) && a.every((n) => typeof n === 'number');
  return !!s && Array.isArray(s.paths) && s.paths.every((p) => typeof p === 'string') && numbers(s.sizes) && numbers(s.mtimes) && s.sizes.length === s.paths.length && s.mtimes.length === s.paths.length;
}
