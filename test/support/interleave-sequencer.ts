import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest queues the projects one after another. Browser files spend much of
 * their time waiting on Chromium (loads, paints, throttled connections), so
 * queued together they leave a core idle for over a minute. This spreads them
 * through the first part of the integration files, which keep a core busy:
 * each browser file starts after `every` other files, in Vitest's own order.
 */
export default class InterleavingSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waiting = sorted.filter((f) => f.project.name === 'browser');
    const busy = sorted.filter((f) => f.project.name !== 'browser');
    if (waiting.length === 0 || busy.length === 0) return sorted;
    // Integration files share a worker while they follow each other, so they go in runs, not one by one.
    const every = 3;
    const queue: TestSpecification[] = [];
    while (waiting.length > 0 || busy.length > 0) {
      if (waiting.length > 0) queue.push(waiting.shift()!);
      queue.push(...busy.splice(0, every));
    }
    return queue;
  }
}
