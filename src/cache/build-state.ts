import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { hashOf } from '../text/hash.js';
import { isBuildFingerprint, type BuildFingerprint } from './build-fingerprint.js';
import { isOutputStats, type OutputStats } from './output-stats.js';
import { cacheDir } from './parse-cache.js';
import { replaceCacheFile } from './replace-cache-file.js';

/**
 * What the last complete build wrote, kept in `.cache/migrant-site/` so the
 * next build re-renders only pages whose signature changed and links the rest
 * from the previous output. Valid only for the same generator code, config,
 * flags and templates; like the parse cache, deleting it changes no output.
 */
export interface BuildState {
  /** Generator code, config and flags (see buildStateFormat); any change makes the state useless. */
  format: string;
  /** Hash of every template's name and source. */
  templates: string;
  global: string;
  signatures: Map<string, string>;
  /** The search index: its bundle's files, and by chunk the key of the article signatures it was made from and its files. */
  search?: { bundle: string[]; chunks: { key: string; urls: string[] }[] };
  /** The output folder as this build left it, so the next one checks it by stat'ing the listed files, not by walking it. */
  outputs: OutputStats;
}

/**
 * What the output was made from (build-fingerprint.ts) and the record of the
 * output folder it vouches for: a file of its own, so that a build with
 * nothing changed reads neither the signatures nor the search state.
 */
export interface SavedFingerprint {
  format: string;
  fingerprint: BuildFingerprint;
  outputs: OutputStats;
}

export interface BuildStateStore {
  load(): Promise<BuildState | undefined>;
  loadFingerprint(): Promise<SavedFingerprint | undefined>;
  /** Without a fingerprint (`serve`, which goes on to change the output in place) none is kept. */
  save(state: Omit<BuildState, 'format'>, fingerprint?: BuildFingerprint): Promise<void>;
  /** Forgets the state and its fingerprint: an in-place watch rebuild changes the output behind them. */
  discard(): Promise<void>;
}

export function createBuildStateStore(root: string, format: string): BuildStateStore {
  const file = join(cacheDir(root), 'state.v8');
  const fingerprintFile = join(cacheDir(root), 'fingerprint.v8');
  return {
    load: () => loadFile(file, (v): v is BuildState => isBuildState(v) && v.format === format),
    loadFingerprint: () => loadFile(fingerprintFile, (v): v is SavedFingerprint => isSavedFingerprint(v) && v.format === format),
    async save(state, fingerprint) {
      await replaceCacheFile(file, serialize({ ...state, format } satisfies BuildState));
      if (fingerprint) await replaceCacheFile(fingerprintFile, serialize({ format, fingerprint, outputs: state.outputs } satisfies SavedFingerprint));
      else await rm(fingerprintFile, { force: true });
    },
    async discard() {
      // The fingerprint first: it must never outlive the state whose output it describes.
      await rm(fingerprintFile, { force: true });
      await rm(file, { force: true });
    },
  };
}

async function loadFile<T>(file: string, valid: (v: unknown) => v is T): Promise<T | undefined> {
  try {
    const data = deserialize(await readFile(file)) as unknown;
    return valid(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Everything outside the site's files that decides its output. */
export function buildStateFormat(generator: string, config: unknown, flags: { drafts?: boolean; future?: boolean }): string {
  return hashOf(generator, JSON.stringify(config), String(!!flags.drafts), String(!!flags.future));
}

function isStringMap(v: unknown): v is Map<string, string> {
  if (!(v instanceof Map)) return false;
  // A loop, not [...v].every(): at 16,000 articles the copy of the entries cost more than the check.
  for (const [k, x] of v) if (typeof k !== 'string' || typeof x !== 'string') return false;
  return true;
}

/** The state file is untrusted input (like the parse cache): used only with exactly the shape save() writes. */
function isBuildState(v: unknown): v is BuildState {
  const s = v as Partial<BuildState> | null;
  const search = s?.search;
  const isUrls = (v: unknown) => Array.isArray(v) && v.every((u) => typeof u === 'string');
  const searchOk = search === undefined || (isUrls(search?.bundle) && Array.isArray(search.chunks) && search.chunks.every((c) => typeof c?.key === 'string' && isUrls(c.urls)));
  return typeof s?.format === 'string' && typeof s.templates === 'string' && typeof s.global === 'string' && isStringMap(s.signatures) && searchOk && isOutputStats(s.outputs);
}

function isSavedFingerprint(v: unknown): v is SavedFingerprint {
  const s = v as Partial<SavedFingerprint> | null;
  return typeof s?.format === 'string' && isBuildFingerprint(s.fingerprint) && isOutputStats(s.outputs);
}
