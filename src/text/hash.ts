import { createHash } from 'node:crypto';

/** The one hash for cache keys and signatures: SHA-1 of the parts, each followed by a NUL so ["ab","c"] ≠ ["a","bc"]. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha1');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('base64');
}
