import { describe, expect, it } from 'vitest';
import { createServeLoop } from '../../src/dev/create-serve-loop.js';

describe('createServeLoop', () => {
  it('never overlaps builds and merges changes that arrive during one into a single follow-up', async () => {
    const builds: string[][] = [];
    let running = 0;
    let maxRunning = 0;
    const loop = createServeLoop(async (changed) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      builds.push([...changed].sort());
      await new Promise((r) => setTimeout(r, 20));
      running--;
    });
    loop.push(new Set(['a']));
    for (let i = 0; i < 1000; i++) loop.push(new Set([`f${i % 3}`]));
    await loop.idle();
    expect(maxRunning).toBe(1);
    expect(builds).toEqual([['a'], ['f0', 'f1', 'f2']]);
  });
});
