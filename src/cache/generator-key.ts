import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf } from '../text/hash.js';

// Caches and the saved build state must never outlive the code that made
// them: a helper edited in src/ (then compiled to lib/) changes output while
// package.json's version stays the same. So the key is the bytes of the
// generator itself (every file of the folder this module runs from, lib/ when
// installed, src/ under the tests), its package.json, and the installed
// version of each dependency (a new remark changes parsed HTML).

const codeRoot = fileURLToPath(new URL('..', import.meta.url));
const packageFile = fileURLToPath(new URL('../../package.json', import.meta.url));
const memo = new Map<string, string>();

/** A key that changes whenever the generator's code or its dependencies change. Computed once per process and folder. */
export function generatorKey(dir = codeRoot): string {
  let key = memo.get(dir);
  if (key === undefined) {
    key = hashOf(...codeParts(dir), ...dependencyParts());
    memo.set(dir, key);
  }
  return key;
}

function codeParts(dir: string): string[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(js|ts|mjs|json)$/.test(f) && !f.endsWith('.map')).sort();
  return files.flatMap((f) => [f.split('\\').join('/'), readFileSync(join(dir, f), 'utf8')]);
}

function dependencyParts(): string[] {
  const manifest = readFileSync(packageFile, 'utf8');
  const { dependencies = {} } = JSON.parse(manifest) as { dependencies?: Record<string, string> };
  return [manifest, ...Object.keys(dependencies).sort().map((name) => `${name}@${installedVersion(name)}`)];
}

/** The version node would load: the first node_modules/<name> from the package upwards (packages may hide package.json from `exports`). */
export function installedVersion(name: string): string {
  for (let dir = dirname(packageFile); ; dir = dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      if (dirname(dir) === dir) return '?';
    }
  }
}
