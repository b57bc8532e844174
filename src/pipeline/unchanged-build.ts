import type { BuildFingerprint } from '../cache/build-fingerprint.js';
import type { SavedFingerprint } from '../cache/build-state.js';
import { verifyOutputs } from '../cache/output-stats.js';
import { hashFile, type SourceStats } from '../cache/source-stats.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ExternalFeedSource } from '../external-feeds/create-external-feed-source.js';
import type { ExternalFeedsResult } from '../external-feeds/load-external-feeds.js';
import { hashOf } from '../text/hash.js';
import { isInWindow } from '../graph/clock-window.js';
import type { Logger } from '../log.js';
import type { BuildResult, BuildSummary } from './build-pass.js';
import { listInputs, type InputFile, type InputListing } from './list-inputs.js';
import type { BuildOptions } from './run-build.js';

// A build whose inputs are all as the last complete build found them, whose
// clock is still inside that build's validity window and whose output folder
// is as it left it, would write the same bytes: it stops before parsing,
// linking, planning or rendering, and leaves the output folder untouched.

/**
 * Whether each build option changes the output beyond what the saved state's
 * own key covers (the generator's code, the config with --out and --base-url
 * applied, --drafts, --future, --shard). Typed as a record of every option,
 * so a new one does not compile until it is sorted here.
 */
const changesOutput = {
  configPath: false, // its config is in the state's key
  outDir: false, // in the config
  baseUrl: false, // in the config
  drafts: false, // in the state's key
  future: false, // in the state's key
  shard: false, // in the state's key
  now: false, // the fingerprint's clock window
  offline: false, // the feeds are loaded (fetched, or from their copies) and compared
  strict: false, // only turns feed problems into errors, and a feed problem breaks the fingerprint
  deferSearch: true, // the search index is left to serve
  rebuilds: false, // later passes keep more in memory, and write the same bytes (tested)
  logger: false,
  workers: false, // threads write the same bytes (tested)
  cache: false, // without the cache there is no saved state
  buildState: false, // without the state there is no fingerprint
} satisfies Record<keyof BuildOptions, boolean>;

/** The options that change the output, and the Node.js that runs the build (its ICU data formats dates and sorts names). */
export function optionsKey(options: BuildOptions): string {
  const chosen = Object.entries(changesOutput).flatMap(([name, changes]) => (changes ? [[name, options[name as keyof BuildOptions] ?? null]] : []));
  return JSON.stringify([process.version, process.versions.icu ?? '', chosen]);
}

/** The inputs as this build found them before reading any, for the fingerprint it saves if it completes. */
export interface FoundInputs {
  options: string;
  listing: InputListing;
  /** Hashes of listing.other, taken now; the store's files get the hashes the build itself uses. */
  otherHashes: Map<string, string>;
}

export type UnchangedCheck = { held: true; result: BuildResult } | { held: false; found: FoundInputs };

export interface CheckInputs {
  root: string;
  outDir: string;
  now: Date;
  options: BuildOptions;
  saved: SavedFingerprint | undefined;
  /** The content store's hashes by stat data: files hashed here are not read again by the build. */
  sources: SourceStats;
  /** The same for the other inputs (`inputs.v8`). */
  inputStats: SourceStats;
  /** Loaded (fetched) as a build would; the build that follows a broken fingerprint uses this load. */
  externalFeeds?: ExternalFeedSource;
  logger: Logger;
  started: number;
}

export async function checkUnchanged(i: CheckInputs): Promise<UnchangedCheck> {
  // Other sites' feeds download while the files are listed and hashed.
  const feeds = i.externalFeeds?.load() ?? Promise.resolve(noExternalFeeds);
  const listing = await listInputs(i.root);
  const otherHashes = new Map(listing.other.map((f) => [f.path, hashFile(i.inputStats, f.path, f.absPath) ?? ''] as const));
  await i.inputStats.save(otherHashes.keys());
  const found: FoundInputs = { options: optionsKey(i.options), listing, otherHashes };
  const fingerprint = i.saved?.fingerprint;
  const broken = !fingerprint ? 'no fingerprint of a complete build with this generator, config and flags' : await whatChanged(i, fingerprint, found, feeds);
  if (broken) {
    i.logger.debug(`  fingerprint: ${broken}; building`);
    return { held: false, found };
  }
  await i.sources.save(listing.store.map((f) => f.path));
  i.logger.debug(`  fingerprint held: ${listing.store.length + listing.other.length} input files, the clock, the external feeds and ${i.saved!.outputs.paths.length} output files are as the last build left them`);
  return { held: true, result: keptResult(fingerprint!, i) };
}

/** The first thing found different from the fingerprint, cheapest checks first; undefined when nothing is. */
async function whatChanged(i: CheckInputs, f: BuildFingerprint, found: FoundInputs, feeds: Promise<ExternalFeedsResult>): Promise<string | undefined> {
  if (f.options !== found.options) return 'another version of Node.js, or serve, made the last build';
  if (!isInWindow(+i.now, f.clock)) return `the clock (${i.now.toISOString()}) is outside ${describeWindow(f.clock)}, where the last output stays the same`;
  const feedsKey = externalFeedsKey(await feeds);
  if (feedsKey === '') return 'an external feed could not be fetched or read';
  if (feedsKey !== f.feeds) return 'the external feeds show other headlines';
  const outputs = i.saved!.outputs;
  const same = verifyOutputs(i.outDir, outputs);
  if (same.size !== outputs.paths.length) return `${outputs.paths.find((p) => !same.has(p))} in the output folder was edited or deleted`;
  const saved = new Map(f.inputs.paths.map((p, n) => [p, f.inputs.hashes[n]]));
  if (saved.get(scanEntry) !== found.listing.scanProblems) return 'the content scan skips other files than it did';
  saved.delete(scanEntry);
  const listed = [...found.listing.store, ...found.listing.other];
  const added = listed.find((file) => !saved.has(file.path));
  if (added) return `${added.path} is new`;
  if (listed.length !== saved.size) {
    const there = new Set(listed.map((file) => file.path));
    return `${[...saved.keys()].find((p) => !there.has(p))} was deleted`;
  }
  const other = found.listing.other.find((file) => found.otherHashes.get(file.path) !== saved.get(file.path));
  if (other) return `${other.path} changed`;
  return firstChangedStoreFile(i.sources, found.listing.store, saved);
}

/** The content store's files, hashed (by stat data first) until one differs. */
function firstChangedStoreFile(sources: SourceStats, files: InputFile[], saved: Map<string, string>): string | undefined {
  const changed = files.find((file) => hashFile(sources, file.path, file.absPath) !== saved.get(file.path));
  return changed && `${changed.path} changed`;
}

function describeWindow(w: BuildFingerprint['clock']): string {
  const at = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : 'any time');
  return `[${at(w.from)}, ${at(w.until)})`;
}

/** The last build's summary and warnings, said again: its output is this build's. */
function keptResult(f: BuildFingerprint, i: CheckInputs): BuildResult {
  const ms = performance.now() - i.started;
  const summary: BuildSummary = {
    ...f.summary,
    rendered: 0,
    files: i.saved!.outputs.paths.length,
    written: 0,
    warnings: f.diagnostics.filter((d) => d.severity === 'warning').length,
    ms,
    outDir: i.outDir,
    changedUrls: [],
    reason: 'nothing changed since the last build',
    unchanged: true,
  };
  return { diagnostics: f.diagnostics, summary, timings: {} };
}

/** The fingerprint's entry for what the content scan skipped (not a file: no path has a colon first). */
const scanEntry = ':content scan problems';

export interface FingerprintFacts {
  /** Source path → hash of the bytes the build parsed (LoadedContent.versions). */
  versions: ReadonlyMap<string, string>;
  clock: BuildFingerprint['clock'];
  feeds: string;
  diagnostics: Diagnostic[];
  summary: BuildFingerprint['summary'];
}

export const noExternalFeeds: ExternalFeedsResult = { feeds: {}, diagnostics: [] };

/** What the feeds' widgets show; '' when a feed had a problem (its widget may show a stale copy, and the next build must try again). */
export function externalFeedsKey(result: ExternalFeedsResult): string {
  return result.diagnostics.length > 0 ? '' : hashOf(JSON.stringify(result.feeds));
}

/** The fingerprint a complete build saves: the inputs as found before it read them, with the hashes it used. */
export function fingerprintOf(found: FoundInputs, facts: FingerprintFacts): BuildFingerprint {
  const hashes = new Map(found.otherHashes);
  for (const file of found.listing.store) {
    const hash = facts.versions.get(file.path);
    // A file that vanished while the build ran is left out: the next build finds the folder different.
    if (hash) hashes.set(file.path, hash);
  }
  hashes.set(scanEntry, found.listing.scanProblems);
  const paths = [...hashes.keys()].sort();
  return {
    options: found.options,
    inputs: { paths, hashes: paths.map((p) => hashes.get(p)!) },
    clock: facts.clock,
    feeds: facts.feeds,
    diagnostics: facts.diagnostics.filter((d) => d.severity === 'warning'),
    summary: facts.summary,
  };
}
