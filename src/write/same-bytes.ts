import { readFile, stat } from 'node:fs/promises';

/**
 * Whether `file` already holds exactly `data`: writers skip such files, so an
 * unchanged page keeps its modification time and a deploy uploads nothing. The
 * size is compared first, so most changed files are never read.
 */
export async function sameBytes(file: string, data: string | Uint8Array): Promise<boolean> {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || info.size !== size) return false;
  const old = await readFile(file);
  return typeof data === 'string' ? old.toString('utf8') === data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).equals(old);
}
