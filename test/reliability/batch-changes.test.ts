import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeBatcher } from '../../src/dev/batch-changes.js';

// Issue 11 item 16 and dev-server rule 9: a file saved repeatedly causes one
// or two rebuilds, a burst of many files one. Fake timers: the timing is the
// subject here, so it is driven by the test, not by the machine's load.

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function record() {
  const batches: string[][] = [];
  const batcher = createChangeBatcher((paths) => batches.push([...paths].sort()), { quietMs: 30, repeatQuietMs: 300 });
  return { batches, batcher };
}

describe('change batches', () => {
  it('one save (several events for one file) is one batch', () => {
    const { batches, batcher } = record();
    for (let i = 0; i < 3; i++) batcher.add('content/posts/a.md');
    vi.advanceTimersByTime(29);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([['content/posts/a.md']]);
  });

  it('a file saved 20 times, 50 ms apart, causes at most two batches', () => {
    const { batches, batcher } = record();
    for (let i = 0; i < 20; i++) {
      batcher.add('content/posts/a.md');
      vi.advanceTimersByTime(50);
    }
    vi.runAllTimers();
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches.length).toBeLessThanOrEqual(2);
    expect(batches.flat().every((p) => p === 'content/posts/a.md')).toBe(true);
  });

  it('a burst of 1,000 different files is one batch', () => {
    const { batches, batcher } = record();
    for (let i = 0; i < 1000; i++) batcher.add(`content/posts/p${i}.md`);
    vi.runAllTimers();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1000);
  });

  it('a file saved again much later is reported quickly again', () => {
    const { batches, batcher } = record();
    batcher.add('content/posts/a.md');
    vi.advanceTimersByTime(1000);
    batcher.add('content/posts/a.md');
    vi.advanceTimersByTime(30);
    expect(batches).toHaveLength(2);
  });
});
