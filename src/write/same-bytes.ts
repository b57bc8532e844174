import { readFileSync, statSync } from 'node:fs';

/**
 * Whether `file` already holds exactly `data`: writers skip such files, so an
 * unchanged page keeps its modification time and a deploy uploads nothing. The
 * size is compared first, so most changed files are never read. Synchronous, as
 * the writers are (see write-outputs.ts).
 */
export function sameBytes(file: string, data: string | Uint8Array): boolean {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size !== size) return false;
    const old = readFileSync(file);
    return typeof data === 'string' ? old.toString('utf8') === data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).equals(old);
  } catch {
    return false;
  }
}
