import { watch } from 'chokidar';
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
  watcher.on('all', (_event, abs) => batcher.add(toPosix(relative(options.root, abs))));
  watcher.on('error', (e) => options.onError(e as Error));
  return new Promise((resolve) => {
    watcher.once('ready', () =>
      resolve({
        async close() {
          batcher.close();
          await watcher.close();
        },
      }),
    );
  });
}
