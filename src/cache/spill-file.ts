import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readAt } from './record-file.js';

/**
 * Records set aside on disk until a cache file is saved. Held in memory, the
 * records a cold build parses all sit there from parsing to saving, and the
 * memory they leave behind is not given back to the system for the rest of
 * the build (about 17 KiB of peak RSS per article at 4,000 articles:
 * bench/RESULTS.md, "Peak memory of the whole process tree"). The file is created exclusively under a
 * random name (never a planted file or symlink) and unlinked as soon as it is
 * open where the system allows it, so a build that stops leaves nothing
 * behind; elsewhere close() removes it.
 */
export interface SpillFile {
  /** Appends the bytes; a reader for them, or undefined when they could not be written (keep them in memory then). */
  put(bytes: Uint8Array): (() => Uint8Array | undefined) | undefined;
  close(): void;
}

/** Undefined when no file can be made in `dir` (a read-only cache folder): records then stay in memory. */
export function openSpillFile(dir: string): SpillFile | undefined {
  const path = join(dir, `spill.${randomBytes(12).toString('hex')}.tmp`);
  let fd: number;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(path, 'wx+', 0o600);
  } catch {
    return undefined;
  }
  let linked = true;
  try {
    unlinkSync(path);
    linked = false;
  } catch {
    // Windows keeps an open file's name: close() removes it.
  }
  let size = 0;
  let open = true;
  return {
    put(bytes) {
      try {
        let done = 0;
        while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done, size + done);
      } catch {
        return undefined;
      }
      const [at, length] = [size, bytes.byteLength];
      size += length;
      return () => {
        if (!open) return undefined;
        try {
          const read = readAt(fd, at, length);
          return read.byteLength === length ? read : undefined;
        } catch {
          return undefined;
        }
      };
    },
    close() {
      if (open) closeSync(fd);
      open = false;
      if (linked) rmSync(path, { force: true });
      linked = false;
    },
  };
}
