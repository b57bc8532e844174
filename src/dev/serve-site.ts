import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { createParsePool } from '../pipeline/create-parse-pool.js';
import { openSite, type BuildOptions } from '../pipeline/run-build.js';
import type { BuildResult } from '../pipeline/build-pass.js';
import type { SiteBuilder } from '../pipeline/create-site-builder.js';
import { formatDiagnostic } from '../diagnostics/format-diagnostic.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Logger } from '../log.js';
import { classifyChange } from './classify-change.js';
import { createServeLoop } from './create-serve-loop.js';
import { createStaticServer } from './create-static-server.js';
import { createLiveReload } from './live-reload.js';
import { watchSite, type SiteWatcher } from './watch-site.js';

export interface ServeOptions extends BuildOptions {
  port: number;
  host: string;
  watch: boolean;
  /** Prints diagnostics (the CLI formats them). */
  report(diagnostics: Diagnostic[]): void;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Resolves when no rebuild or search refresh is running or queued (for tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `serve`: builds, serves the output folder and, with watch, rebuilds on
 * change and tells open pages to reload. A failed build never stops the
 * server: the last good site stays up and pages show the error.
 */
export async function serveSite(options: ServeOptions): Promise<RunningServer | undefined> {
  const { logger } = options;
  // Warnings are printed once, not again on every rebuild that still has them.
  let shownWarnings = new Set<string>();
  const report = (diagnostics: Diagnostic[]) => {
    const warnings = new Set(diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic));
    options.report(diagnostics.filter((d) => d.severity === 'error' || !shownWarnings.has(formatDiagnostic(d))));
    shownWarnings = warnings;
  };
  const pool = createParsePool(options.workers);
  // With watch, search is indexed after each rebuild, off the path from save to reload.
  options = { ...options, deferSearch: options.watch, rebuilds: options.watch };
  let site = await openSite(options, pool);
  const first = await site.builder.build();
  report(first.diagnostics);
  if (!first.summary && !options.watch) return undefined;
  if (first.summary) logger.info(summaryLine(first, 'built'));

  const live = options.watch ? createLiveReload() : undefined;
  const dir = resolve(site.root, site.config.outDir);
  const basePath = new URL(site.config.baseUrl).pathname;
  const server = createStaticServer({ dir, basePath, host: options.host, live });
  const port = await listen(server, options.host, options.port, logger);
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}${basePath}`;
  if (!first.summary) live?.buildFailed(errorText(first.diagnostics));

  let watcher: SiteWatcher | undefined;
  let searchTimer: NodeJS.Timeout | undefined;
  // The search index is made beside the rebuild loop, not in it: on a large
  // site it takes a minute, and a save meanwhile must not wait for it. One
  // refresh at a time (Pagefind is one process); a request during one runs after it.
  let refreshing: Promise<void> | undefined;
  let refreshAgain = false;
  // The index is made from the last good build; while the site is broken it waits for the fix.
  let lastBuildFailed = !first.summary;
  const refreshSearch = async (): Promise<void> => {
    if (lastBuildFailed) return;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        const result = await site.builder.refreshSearch();
        report(result.diagnostics);
        live?.searchRefreshed(result.changedUrls ?? []);
      } while (refreshAgain);
    })().finally(() => (refreshing = undefined));
  };
  // Resolves when the scheduled refresh has run (idle() waits for it).
  let pendingSearch: { promise: Promise<void>; resolve: () => void } | undefined;
  const scheduleSearch = () => {
    clearTimeout(searchTimer);
    const waiting = (pendingSearch ??= deferred());
    searchTimer = setTimeout(() => {
      pendingSearch = undefined;
      void refreshSearch()
        .then(() => refreshing)
        .finally(() => waiting.resolve());
    }, searchDelayMs);
  };
  const loop = createServeLoop(async (changed) => {
    let builder: SiteBuilder = site.builder;
    const configFile = options.configPath.replace(/^\.\//, '');
    const configChanged = [...changed].some((p) => classifyChange(p, configFile, site.config.outDir, site.templateFolders) === 'config');
    try {
      if (configChanged) site = await openSite(options, pool);
      builder = site.builder;
      const result = await builder.build(configChanged ? undefined : changed);
      report(result.diagnostics);
      lastBuildFailed = !result.summary;
      if (!result.summary) {
        live?.buildFailed(errorText(result.diagnostics));
        logger.error('rebuild failed; still serving the last good build');
        return;
      }
      logger.info(summaryLine(result, 'rebuilt'));
      live?.buildSucceeded(result.summary.changedUrls);
      scheduleSearch();
    } catch (e) {
      // Config errors arrive as SiteError; anything else is a bug, but the server stays up either way.
      const diagnostics = e instanceof SiteError ? e.diagnostics : [error(codes.internal, `rebuild crashed: ${(e as Error).stack ?? e}`)];
      report(diagnostics);
      lastBuildFailed = true;
      live?.buildFailed(errorText(diagnostics));
    }
  });

  if (options.watch) {
    const configFile = options.configPath.replace(/^\.\//, '');
    watcher = await watchSite({
      root: site.root,
      // The whole site folder, filtered by `ignored`: a templates/ folder created
      // after start (a site on the built-in theme gaining an override) is then seen at once.
      paths: [''],
      ignored: (path) => path !== '' && classifyChange(path, configFile, site.config.outDir, site.templateFolders) === 'ignored' && !/^(content|templates)$/.test(path),
      onBatch: (paths) => {
        const relevant = new Set([...paths].filter((p) => classifyChange(p, configFile, site.config.outDir, site.templateFolders) !== 'ignored'));
        if (relevant.size > 0) loop.push(relevant);
      },
      onError: (e) => logger.warn(`watch error: ${e.message}`),
    });
  }
  if (options.watch) scheduleSearch();
  logger.info(`serving ${url}${options.watch ? ' and watching for changes' : ''} (Ctrl+C to stop)`);
  return {
    url,
    server,
    async idle() {
      await loop.idle();
      await pendingSearch?.promise;
      await refreshing;
    },
    async close() {
      clearTimeout(searchTimer);
      pendingSearch?.resolve();
      await refreshing;
      await watcher?.close();
      await pool.close();
      live?.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const searchDelayMs = 500;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function summaryLine(result: BuildResult, verb: string): string {
  const s = result.summary!;
  if (verb === 'built') return `built ${s.pages} pages from ${s.posts} posts in ${Math.round(s.ms)} ms`;
  return `rebuilt ${s.rendered} ${s.rendered === 1 ? 'page' : 'pages'} in ${Math.round(s.ms)} ms: ${s.reason}`;
}

function errorText(diagnostics: Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map(formatDiagnostic)
    .join('\n');
}

/** Listens on `port`, or the next free one with a message, never a stack trace. */
async function listen(server: Server, host: string, port: number, logger: Logger): Promise<number> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const tried = port === 0 ? 0 : port + attempt;
    const result = await new Promise<number | NodeJS.ErrnoException>((done) => {
      server.once('error', done);
      server.listen(tried, host, () => {
        server.removeListener('error', done);
        const address = server.address();
        done(typeof address === 'object' && address ? address.port : tried);
      });
    });
    if (typeof result === 'number') return result;
    if (result.code !== 'EADDRINUSE') throw result;
    logger.warn(`port ${tried} is in use, trying ${tried + 1}`);
  }
  throw new SiteError(error(codes.portInUse, `ports ${port} to ${port + 9} are all in use`, { hint: 'stop the other server or pass --port with a free port' }));
}
