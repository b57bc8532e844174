import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeChanges } from '../../src/write/write-changes.js';
import { waitFor } from './processes.js';

// Issue 11, item 8: Ctrl-C during a `serve --watch` rebuild left `*.tmp`
// files in the served folder. The rebuild writes each file to a temp name and
// renames it over the old one; here the signal arrives exactly in between, at
// the first rename, which makes the worst moment deterministic.

const interrupt = vi.hoisted(() => ({
  armed: false,
  tempBeforeSignal: undefined as string | undefined,
  tempExisted: false,
  /** Lets the held rename go on after the test has looked (the real process would have exited instead). */
  release: undefined as (() => void) | undefined,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const { existsSync: exists } = await import('node:fs');
  return {
    ...fs,
    async rename(from: string, to: string) {
      if (interrupt.armed && String(from).endsWith('.tmp')) {
        interrupt.armed = false;
        interrupt.tempBeforeSignal = String(from);
        interrupt.tempExisted = exists(from);
        process.emit('SIGINT');
        // The process is ending: the rename, and the writer's own error handling, do not run until released.
        await new Promise<void>((resolve) => (interrupt.release = resolve));
      }
      return fs.rename(from, to);
    },
  };
});

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function filesIn(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).sort();
}

describe('issue 11 item 8: Ctrl-C during a serve rebuild', () => {
  it('leaves no *.tmp file in the served folder when the signal lands between a temp write and its rename', async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-interrupt-'));
    const served = join(dir, 'dist');
    mkdirSync(join(served, 'a'), { recursive: true });
    writeFileSync(join(served, 'a/index.html'), 'old page');
    // serve handles SIGINT itself (it closes and exits 0); this stands in for its handler so the test process lives on.
    const serveHandler = vi.fn();
    process.on('SIGINT', serveHandler);
    interrupt.armed = true;
    const writing = writeChanges(served, [{ path: 'a/index.html', data: 'new page' }], []);
    try {
      await waitFor(() => interrupt.release !== undefined, 'the signal between write and rename');
      expect(interrupt.tempBeforeSignal).toMatch(/dist\/a\/index\.html\.[0-9a-f]{8}\.tmp$/);
      expect(interrupt.tempExisted).toBe(true);
      expect(serveHandler).toHaveBeenCalledTimes(1);
      expect(existsSync(interrupt.tempBeforeSignal!)).toBe(false);
      expect(filesIn(served).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      interrupt.release?.();
      // The temp file is gone, so the held rename fails; the writer then unregisters its cleanups.
      await writing.catch(() => undefined);
      process.removeListener('SIGINT', serveHandler);
    }
    // Nothing else was left half done: the old page is intact and the output lock is gone.
    expect(readFileSync(join(served, 'a/index.html'), 'utf8')).toBe('old page');
    expect(filesIn(dir)).toEqual(['dist', 'dist/a', 'dist/a/index.html']);
  });
});
