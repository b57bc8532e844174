import type { ExternalFeedsConfig } from '../config/schema.js';
import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Logger } from '../log.js';
import { fetchFeed, FeedFetchError } from './fetch-feed.js';
import { createFeedStore, type StoredFeed } from './feed-store.js';
import { FeedParseError, parseExternalFeed, type ParsedExternalFeed } from './parse-external-feed.js';
import type { ExternalFeeds } from './types.js';

export interface ExternalFeedsOptions {
  config: ExternalFeedsConfig;
  /** Where the last good copies are kept (`.cache/migrant-site/external-feeds`). */
  cacheDir: string;
  /** Sent as `User-Agent`. */
  userAgent: string;
  /** Use the cached copies only; no network. */
  offline: boolean;
  /** A feed that cannot be shown fresh is an error, not a warning. */
  strict: boolean;
  logger: Logger;
}

export interface ExternalFeedsResult {
  /** Feed name → what its widget shows; a feed with nothing to show is absent. */
  feeds: ExternalFeeds;
  /** One per feed that could not be fetched or read. */
  diagnostics: Diagnostic[];
}

/**
 * Fetches every configured feed in parallel. Never throws and never fails the
 * build (unless strict): a feed that is down, slow, malformed or too large
 * falls back to its last good copy, or is left out, with one warning naming it.
 */
export async function loadExternalFeeds(options: ExternalFeedsOptions): Promise<ExternalFeedsResult> {
  const store = createFeedStore(options.cacheDir);
  const entries = Object.entries(options.config.feeds);
  const outcomes = await Promise.all(
    entries.map(async ([name, spec]) => {
      const cached = await store.read(name, spec.url);
      const outcome = options.offline ? offline(cached) : await refresh(spec.url, cached, options);
      if (outcome.fresh) await store.write(name, outcome.fresh);
      return { name, spec, outcome, cached };
    }),
  );
  const feeds: ExternalFeeds = {};
  const diagnostics: Diagnostic[] = [];
  for (const { name, spec, outcome, cached } of outcomes) {
    const label = `external feed "${name}"`;
    const shown = outcome.parsed ?? (cached && parseCached(cached));
    const from = outcome.parsed ? outcome.note : cached && shown ? `the cached copy fetched ${ageOf(cached)} ago` : undefined;
    const items = shown?.items.slice(0, spec.limit) ?? [];
    if (shown && from) options.logger.debug(`  ${label}: ${items.length} headlines, ${from}`);
    if (outcome.problem) {
      const fallback = from ? `showing ${from}` : 'the widget is left out';
      const make = options.strict ? error : warning;
      diagnostics.push(
        make(codes.externalFeedUnavailable, `${label} (${spec.url}): ${outcome.problem}; ${fallback}`, {
          hint: options.offline
            ? 'build once with network to keep a copy in .cache/migrant-site/external-feeds/'
            : `check externalFeeds.feeds.${name}.url; the widget is back once the feed answers`,
        }),
      );
    }
    if (shown) feeds[name] = { name, title: spec.title ?? (shown.title || shown.source), siteUrl: shown.siteUrl, source: shown.source, items };
  }
  return { feeds, diagnostics };
}

interface Outcome {
  /** The feed as fetched now (absent when it failed or was not fetched). */
  parsed?: ParsedExternalFeed;
  note?: string;
  /** A copy to keep for next time. */
  fresh?: StoredFeed;
  problem?: string;
}

function offline(cached: StoredFeed | undefined): Outcome {
  return cached ? {} : { problem: 'not fetched (--offline) and there is no cached copy' };
}

async function refresh(url: string, cached: StoredFeed | undefined, options: ExternalFeedsOptions): Promise<Outcome> {
  const { timeoutSeconds, maxBytes } = options.config;
  try {
    const response = await fetchFeed({ url, timeoutMs: timeoutSeconds * 1000, maxBytes, userAgent: options.userAgent, etag: cached?.etag, lastModified: cached?.lastModified });
    const fetchedAt = new Date().toISOString();
    if (response.kind === 'not-modified') {
      return { parsed: parseExternalFeed(cached!.body, url), note: 'not modified since the cached copy (304)', fresh: { ...cached!, fetchedAt } };
    }
    const parsed = parseExternalFeed(response.body, url);
    return { parsed, note: 'fetched', fresh: { url, fetchedAt, etag: response.etag, lastModified: response.lastModified, body: response.body } };
  } catch (e) {
    if (e instanceof FeedFetchError || e instanceof FeedParseError) return { problem: e.message };
    throw e;
  }
}

function parseCached(cached: StoredFeed): ParsedExternalFeed | undefined {
  try {
    return parseExternalFeed(cached.body, cached.url);
  } catch {
    return undefined;
  }
}

/** `40 min`, `3 h`, `2 days`: how old a cached copy is, for the log. */
function ageOf(cached: StoredFeed): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(cached.fetchedAt)) / 60000));
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}
