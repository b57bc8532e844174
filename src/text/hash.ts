import { createHash, hash } from 'node:crypto';

/** The one hash for cache keys and signatures: SHA-1 of the parts, each followed by a NUL so ["ab","c"] ≠ ["a","bc"]. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  // Strings are hashed as one (the same bytes): a build hashes some hundred thousand short lists of parts,
  // and an update per part, and a Hash object per list, cost more than the hashing itself.
  if (parts.length > 0 && parts.every((part) => typeof part === 'string')) return hash('sha1', `${parts.join('\0')}\0`, 'base64');
  const h = createHash('sha1');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('base64');
}
