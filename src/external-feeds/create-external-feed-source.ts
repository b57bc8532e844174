import type { ExternalFeedsOptions, ExternalFeedsResult } from './load-external-feeds.js';

export interface ExternalFeedSource {
  /** The feeds for this build: fetched again only when the last fetch is older than `refreshMinutes`. */
  load(): Promise<ExternalFeedsResult>;
}

/**
 * One site's external feeds across builds. A CLI build loads once; `serve
 * --watch` rebuilds on every save, and asking other sites for their feeds
 * each time would be slow for the writer and rude to them.
 */
export function createExternalFeedSource(options: ExternalFeedsOptions, clock: () => number = Date.now): ExternalFeedSource {
  const refreshMs = options.config.refreshMinutes * 60_000;
  let last: { at: number; result: Promise<ExternalFeedsResult> } | undefined;
  return {
    load() {
      if (Object.keys(options.config.feeds).length === 0) return Promise.resolve({ feeds: {}, diagnostics: [] });
      const now = clock();
      // Loaded on first use: the parsers cost a quarter of a second at start-up, which a site without feeds should not pay.
      if (!last || now - last.at >= refreshMs) last = { at: now, result: import('./load-external-feeds.js').then((m) => m.loadExternalFeeds(options)) };
      return last.result;
    },
  };
}
