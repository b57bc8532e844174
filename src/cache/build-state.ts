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
  /** What the output was made from, for a next build with nothing changed (absent after `serve`, which builds in place). */
  fingerprint?: BuildFingerprint;
}

export interface BuildStateStore {
  load(): Promise<BuildState | undefined>;
  save(state: Omit<BuildState, 'format'>): Promise<void>;
  /** Forgets the state: an in-place watch rebuild changes the output behind it. */
  discard(): Promise<void>;
}

export function createBuildStateStore(root: string, format: string): BuildStateStore {
  const file = join(cacheDir(root), 'state.v8');
  return {
    async load() {
      try {
        const state = deserialize(await readFile(file)) as BuildState;
        return isBuildState(state) && state.format === format ? state : undefined;
      } catch {
        return undefined;
      }
    },
    async save(state) {
      await replaceCacheFile(file, serialize({ ...state, format } satisfies BuildState));
    },
    discard: () => rm(file, { force: true }),
  };
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
  const fingerprintOk = s?.fingerprint === undefined || isBuildFingerprint(s.fingerprint);
  return typeof s?.format === 'string' && typeof s.templates === 'string' && typeof s.global === 'string' && isStringMap(s.signatures) && searchOk && isOutputStats(s.outputs) && fingerprintOk;
}
