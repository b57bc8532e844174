import { syncBuiltinESMExports } from 'node:module';

/**
 * Replaces a function of a Node built-in module (`import fs from 'node:fs'`)
 * until the returned function restores it, also for modules that imported it
 * by name (`import { rmSync } from 'node:fs'`): Node updates those bindings on
 * syncBuiltinESMExports(). `replacement` is given the original, since the name
 * imported from the module is now the replacement itself. Unlike vi.mock, it
 * needs no module registry of the test file's own, so the file shares its
 * worker's imports with the others.
 */
export function replaceBuiltin<M extends object, K extends keyof M>(module: M, name: K, replacement: (original: M[K]) => M[K]): () => void {
  const original = module[name];
  module[name] = replacement(original);
  syncBuiltinESMExports();
  return () => {
    module[name] = original;
    syncBuiltinESMExports();
  };
}
