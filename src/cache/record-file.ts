import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

// A cache file of many independent records that loads lazily: a magic line,
// a little-endian uint32 header length, a JSON header (format, keys, record
// lengths), then the records' bytes back to back. Opening it reads only the
// header; a record is read from disk when someone asks for it, so a build
// holds only the entries it decoded, and saving streams unchanged records
// from the old file into the new one without decoding them.

const magic = Buffer.from('migrant-site records 1\n');

export interface RecordFile {
  format: string;
  keys(): IterableIterator<string>;
  has(key: string): boolean;
  /** The record's bytes, read now; undefined for an unknown key or a read that failed. */
  read(key: string): Uint8Array | undefined;
  size(key: string): number;
  close(): void;
}

/** Undefined when there is no file; `problem` when there is one this cannot read (truncated, extended, not this kind of file). */
export function openRecordFile(path: string): RecordFile | { problem: string } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const opened = readHeader(fd);
    if ('problem' in opened) closeSync(fd);
    return opened;
  } catch (e) {
    closeSync(fd);
    return { problem: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

function readHeader(fd: number): RecordFile | { problem: string } {
  const fileSize = fstatSync(fd).size;
  const start = readAt(fd, 0, magic.byteLength + 4);
  if (start.byteLength < magic.byteLength + 4 || !start.subarray(0, magic.byteLength).equals(magic)) return { problem: 'not a migrant-site cache file' };
  const headerEnd = magic.byteLength + 4 + start.readUInt32LE(magic.byteLength);
  if (headerEnd > fileSize) return { problem: 'truncated (header cut short)' };
  let header: { format?: unknown; keys?: unknown; lengths?: unknown };
  try {
    header = JSON.parse(readAt(fd, magic.byteLength + 4, headerEnd - magic.byteLength - 4).toString('utf8')) as typeof header;
  } catch {
    return { problem: 'damaged header' };
  }
  const { format, keys, lengths } = header;
  if (typeof format !== 'string' || !isArrayOf(keys, 'string') || !isArrayOf(lengths, 'number') || keys.length !== lengths.length) return { problem: 'damaged header' };
  const places = new Map<string, [number, number]>();
  let at = headerEnd;
  for (let i = 0; i < keys.length; i++) {
    if (!(lengths[i] >= 0)) return { problem: 'damaged header' };
    places.set(keys[i], [at, lengths[i]]);
    at += lengths[i];
  }
  if (at < fileSize) return { problem: 'damaged (bytes after the last record)' };
  if (at > fileSize) return { problem: 'truncated (records cut short)' };
  let open = true;
  return {
    format,
    keys: () => places.keys(),
    has: (key) => places.has(key),
    size: (key) => places.get(key)?.[1] ?? 0,
    read(key) {
      const place = places.get(key);
      if (!place || !open) return undefined;
      try {
        const bytes = readAt(fd, place[0], place[1]);
        return bytes.byteLength === place[1] ? bytes : undefined;
      } catch {
        return undefined;
      }
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

export function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

/**
 * The chunks of a record file: header, then each record's bytes, fetched one
 * at a time as the file is written so that the records never all sit in memory.
 */
export function* recordChunks(format: string, records: { key: string; length: number; bytes: () => Uint8Array | undefined }[]): Generator<Uint8Array> {
  const header = Buffer.from(JSON.stringify({ format, keys: records.map((r) => r.key), lengths: records.map((r) => r.length) }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.byteLength);
  yield magic;
  yield size;
  yield header;
  for (const record of records) {
    const bytes = record.bytes();
    // A record that vanished from under us would shift every later one: fail the write (the old file stays).
    if (!bytes || bytes.byteLength !== record.length) throw new Error(`record ${record.key} could not be read back`);
    yield bytes;
  }
}

function isArrayOf<T extends 'string' | 'number'>(v: unknown, type: T): v is (T extends 'string' ? string : number)[] {
  return Array.isArray(v) && v.every((x) => typeof x === type);
}
