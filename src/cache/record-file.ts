// A cache file of many independent records that loads lazily: a magic line,
// a little-endian uint32 header length, a JSON header (format, keys, record
// lengths), then the records' bytes back to back. Reading it is one read and
// one small JSON parse; each record is decoded only by whoever asks for it,
// and unchanged records are written back as the same bytes.

/** Key → the record's bytes (a view into the loaded file, or freshly encoded). */
export type Records = Map<string, Uint8Array>;

const magic = Buffer.from('migrant-site records 1\n');

export function encodeRecords(format: string, records: Records): Buffer {
  const keys = [...records.keys()];
  const lengths = keys.map((k) => records.get(k)!.byteLength);
  const header = Buffer.from(JSON.stringify({ format, keys, lengths }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.byteLength);
  return Buffer.concat([magic, size, header, ...records.values()]);
}

/** The file's records, or what is wrong with it (truncated, extended, not this kind of file). */
export function decodeRecords(buffer: Buffer): { format: string; records: Records } | { problem: string } {
  if (buffer.byteLength < magic.byteLength + 4 || !buffer.subarray(0, magic.byteLength).equals(magic)) return { problem: 'not a migrant-site cache file' };
  const headerStart = magic.byteLength + 4;
  const headerEnd = headerStart + buffer.readUInt32LE(magic.byteLength);
  if (headerEnd > buffer.byteLength) return { problem: 'truncated (header cut short)' };
  let header: { format?: unknown; keys?: unknown; lengths?: unknown };
  try {
    header = JSON.parse(buffer.toString('utf8', headerStart, headerEnd)) as typeof header;
  } catch {
    return { problem: 'damaged header' };
  }
  const { format, keys, lengths } = header;
  if (typeof format !== 'string' || !isArrayOf(keys, 'string') || !isArrayOf(lengths, 'number') || keys.length !== lengths.length) return { problem: 'damaged header' };
  const records: Records = new Map();
  let at = headerEnd;
  for (let i = 0; i < keys.length; i++) {
    const end = at + lengths[i];
    if (!(lengths[i] >= 0) || end > buffer.byteLength) return { problem: 'truncated (records cut short)' };
    records.set(keys[i], buffer.subarray(at, end));
    at = end;
  }
  if (at !== buffer.byteLength) return { problem: 'damaged (bytes after the last record)' };
  return { format, records };
}

function isArrayOf<T extends 'string' | 'number'>(v: unknown, type: T): v is (T extends 'string' ? string : number)[] {
  return Array.isArray(v) && v.every((x) => typeof x === type);
}
