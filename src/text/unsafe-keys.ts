// The one list of keys that must never become properties of an object built
// from site input (config, YAML, TOML or JSON front matter): through any
// consumer that copies with plain assignment they would reach Object.prototype
// (or look as if they might), changing how every object in the build behaves.

const unsafeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `key` is refused as a key in config or front matter. */
export function isUnsafeKey(key: string): boolean {
  return unsafeKeys.has(key);
}

/** The refused keys, for messages and documentation. */
export const unsafeKeyNames: readonly string[] = [...unsafeKeys];
