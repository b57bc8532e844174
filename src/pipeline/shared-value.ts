import { deserialize, serialize } from 'node:v8';
import { hashOf } from '../text/hash.js';

// Data every task of a stage needs (the parse options with `site.data`, the
// render setup with the templates) went to the threads cloned into every
// task message: a batch of 64 files or pages, so at 16,000 articles a
// 1.6 MB popularity file was copied 250 times each way. It is now serialized
// once into shared memory, and each thread decodes it on its first task.

/** A value sent to worker threads: its bytes in shared memory (a task message carries them without a copy), and a key naming them. */
export interface SharedValue<T> {
  key: string;
  bytes: SharedArrayBuffer;
  /** Never set: ties the bytes to the type they decode to. */
  readonly type?: T;
}

export function shareValue<T>(value: T): SharedValue<T> {
  const serialized = serialize(value);
  const bytes = new SharedArrayBuffer(serialized.byteLength);
  new Uint8Array(bytes).set(serialized);
  return { key: hashOf(serialized), bytes };
}

// A thread keeps what it decoded for the next tasks; a build sends two or three
// values, a serve session a new one per config or template change.
const decoded = new Map<string, unknown>();
const keptValues = 4;

/** The value, decoded once per thread and key: tasks of one stage share it, so they must not change it. */
export function sharedValueOf<T>(shared: SharedValue<T>): T {
  if (decoded.has(shared.key)) return decoded.get(shared.key) as T;
  if (decoded.size >= keptValues) decoded.clear();
  const value = deserialize(new Uint8Array(shared.bytes)) as T;
  decoded.set(shared.key, value);
  return value;
}
