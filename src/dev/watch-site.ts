import { watch } from 'chokidar';
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { toPosix } from '../paths/is-inside.js';
import { createChangeBatcher, type BatchTiming } from './batch-changes.js';

export interface SiteWatcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  root: string;
  /** Folders and files to watch, relative to the root. */
  paths: string[];
  /** Paths never to report (the output folder, caches). */
  ignored: (relativePath: string) => boolean;
  /**
   * Quiet times before a batch is reported: a `git checkout` of 1,000 files is
   * one batch, an editor's atomic save (unlink + add) is one change, and a file
   * saved repeatedly waits longer (see batch-changes.ts).
   */
  timing?: BatchTiming;
  onBatch(paths: Set<string>): void;
  onError(error: Error): void;
}

/** The only chokidar import: file events collected into debounced batches of site-relative paths. */
export function watchSite(options: WatchOptions): Promise<SiteWatcher> {
  const batcher = createChangeBatcher((paths) => options.onBatch(paths), options.timing);
  const watcher = watch(
    options.paths.map((p) => `${options.root}/${p}`),
    {
      ignoreInitial: true,
      ignored: (abs: string) => options.ignored(toPosix(relative(options.root, abs))),
    },
  );
  const rechecks = new Map<string, NodeJS.Timeout>();
  watcher.on('all', (event, abs) => {
    const path = toPosix(relative(options.root, abs));
    batcher.add(path);
    // chokidar drops a file's further "change" events for 50 ms after one it reports, for good: a save
    // that quickly follows another (a formatter after the editor) would never rebuild. So the file is
    // looked at again once that window has passed, and reported again if it has moved on.
    if (event !== 'change') return;
    const seen = fileState(abs);
    clearTimeout(rechecks.get(abs));
    rechecks.set(abs, setTimeout(() => {
      rechecks.delete(abs);
      if (fileState(abs) !== seen) batcher.add(path);
    }, chokidarChangeThrottleMs + 25));
  });
  watcher.on('error', (e) => options.onError(e as Error));
  return new Promise((resolve) => {
    watcher.once('ready', () =>
      resolve({
        async close() {
          for (const timer of rechecks.values()) clearTimeout(timer);
          batcher.close();
          await watcher.close();
        },
      }),
    );
  });
}

/** How long chokidar ignores a file's "change" events after reporting one (its `_throttle('change', path, 50)`). */
const chokidarChangeThrottleMs = 50;

/** Enough of a file's stat data to tell that it was written again. */
function fileState(abs: string): string {
  const stats = statSync(abs, { throwIfNoEntry: false });
  return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : 'gone';
}
