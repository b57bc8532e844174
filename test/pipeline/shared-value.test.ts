import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { shareValue, sharedValueOf } from '../../src/pipeline/shared-value.js';

// What every task of a stage needs goes to the worker threads once, in shared
// memory, instead of being copied into each task message.

describe('shared values', () => {
  it('decode to what was shared, dates and maps included', () => {
    const value = { site: { title: 'News', data: { popularity: { views: [{ url: '/a/', views: 3 }] } } }, when: new Date('2026-11-28T00:00:00Z'), sizes: new Map([['a', 1]]) };
    expect(sharedValueOf(shareValue(value))).toEqual(value);
  });

  it('are decoded once per thread and key, and two values never share a key', () => {
    const first = shareValue({ data: [1, 2, 3] });
    expect(sharedValueOf(first)).toBe(sharedValueOf({ ...first }));
    expect(shareValue({ data: [1, 2, 3] }).key).toBe(first.key);
    expect(shareValue({ data: [1, 2, 4] }).key).not.toBe(first.key);
    expect(sharedValueOf(shareValue({ data: [1, 2, 4] }))).toEqual({ data: [1, 2, 4] });
  });

  it('reach another thread without copying the bytes', async () => {
    const shared = shareValue({ words: 'x'.repeat(1000) });
    const worker = new Worker('const { parentPort } = require("node:worker_threads"); parentPort.once("message", (m) => { new Uint8Array(m.bytes).fill(0); parentPort.postMessage("done"); });', { eval: true });
    try {
      await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(shared);
      });
    } finally {
      await worker.terminate();
    }
    // The other thread wrote into the very memory this thread shared.
    expect(new Uint8Array(shared.bytes).every((b) => b === 0)).toBe(true);
  });
});
