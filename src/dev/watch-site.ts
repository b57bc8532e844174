import { watch } from 'chokidar';
import { relative } from 'node:path';
import { toPosix } from '../paths/is-inside.js';

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
   * Quiet time before a batch is reported: a `git checkout` of 1,000 files is
   * one batch, and an editor's atomic save (unlink + add) is one change.
   */
  debounceMs?: number;
  onBatch(paths: Set<string>): void;
  onError(error: Error): void;
}

/** The only chokidar import: file events collected into debounced batches of site-relative paths. */
export function watchSite(options: WatchOptions): Promise<SiteWatcher> {
  const debounceMs = options.debounceMs ?? 30;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = new Set();
    if (batch.size > 0) options.onBatch(batch);
  };
  const watcher = watch(
    options.paths.map((p) => `${options.root}/${p}`),
    {
      ignoreInitial: true,
      ignored: (abs: string) => options.ignored(toPosix(relative(options.root, abs))),
    },
  );
  watcher.on('all', (_event, abs) => {
    pending.add(toPosix(relative(options.root, abs)));
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  watcher.on('error', (e) => options.onError(e as Error));
  return new Promise((resolve) => {
    watcher.once('ready', () =>
      resolve({
        async close() {
          clearTimeout(timer);
          await watcher.close();
        },
      }),
    );
  });
}
