import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheDir } from './parse-cache.js';

/**
 * What the last complete build wrote, kept in `.cache/migrant-site/` so the
 * next build re-renders only pages whose signature changed and links the rest
 * from the previous output. Valid only for the same tool version, config,
 * flags and templates; like the parse cache, deleting it changes no output.
 */
export interface BuildState {
  /** Tool version, config and flags; any change makes the state useless. */
  format: string;
  /** Hash of every template's name and source. */
  templates: string;
  global: string;
  signatures: Map<string, string>;
  /** The search index's files and the article signatures it was made from. */
  search?: { key: string; urls: string[] };
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
        return state && state.format === format && state.signatures instanceof Map ? state : undefined;
      } catch {
        return undefined;
      }
    },
    async save(state) {
      const temp = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(cacheDir(root), { recursive: true });
        await writeFile(temp, serialize({ ...state, format } satisfies BuildState));
        await rename(temp, file);
      } catch {
        await rm(temp, { force: true });
      }
    },
    discard: () => rm(file, { force: true }),
  };
}

export function hashOf(...parts: string[]): string {
  const h = createHash('sha1');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('base64');
}
