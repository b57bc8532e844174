import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces a cache file whole: written to a temp file that is created
 * exclusively under a random name (never following a planted file or
 * symlink), then renamed over the old one. `data` may come in chunks, made
 * as they are written. A cache that cannot be written only costs time next
 * build, so failures are swallowed.
 */
export async function replaceCacheFile(file: string, data: Uint8Array | Iterable<Uint8Array>): Promise<boolean> {
  const temp = `${file}.${randomBytes(12).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temp, data, { flag: 'wx', mode: 0o600 });
    await rename(temp, file);
    return true;
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
    return false;
  }
}
