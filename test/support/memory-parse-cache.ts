import type { ParseCache } from '../../src/cache/parse-cache.js';

/**
 * A parse cache in memory, for the fresh full builds that equivalence tests
 * compare incremental builds with: each is still a new builder with no state
 * of its own, but files unchanged since the last of them are not parsed again.
 * Entries are handed out as copies, as the file cache decodes a new object
 * for each build, so no build can see what another did to its posts.
 */
export function memoryParseCache(): ParseCache {
  const entries = new Map<string, Parameters<ParseCache['set']>[1]>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      return entry && structuredClone(entry);
    },
    set: (key, value) => void entries.set(key, structuredClone(value)),
    save: async () => undefined,
  };
}
