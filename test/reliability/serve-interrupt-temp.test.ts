import fs, { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeChanges } from '../../src/write/write-changes.js';
import { replaceBuiltin } from '../support/replace-builtin.js';
import { waitFor } from './processes.js';

// Issue 11, item 8: Ctrl-C during a `serve --watch` rebuild left `*.tmp`
// files in the served folder. The rebuild writes each file to a temp name and
// renames it over the old one. Here a real SIGINT is sent to this process the
// moment the first temp file has been written: its handlers must run only once
// every temp file has been renamed (the writer runs that stretch without
// yielding), so neither the exit cleanup nor serve's own handler ever finds one.

let dir: string;
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  rmSync(dir, { recursive: true, force: true });
});

function filesIn(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).sort();
}

describe('issue 11 item 8: Ctrl-C during a serve rebuild', () => {
  it('leaves no *.tmp file in the served folder when the signal arrives right after a temp file is written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-interrupt-'));
    const served = join(dir, 'dist');
    mkdirSync(join(served, 'a'), { recursive: true });
    mkdirSync(join(served, 'b'), { recursive: true });
    writeFileSync(join(served, 'a/index.html'), 'old page');
    writeFileSync(join(served, 'b/index.html'), 'old page');
    // serve handles SIGINT itself (it closes and exits 0); this stands in for its handler so the test process lives on.
    const seen: { temps: string[]; pages: string[] }[] = [];
    const serveHandler = vi.fn(() => seen.push({ temps: filesIn(served).filter((f) => f.endsWith('.tmp')), pages: ['a', 'b'].map((p) => readFileSync(join(served, p, 'index.html'), 'utf8')) }));
    process.on('SIGINT', serveHandler);
    let sentAfter: string | undefined;
    restore = replaceBuiltin(fs, 'writeFileSync', (original) => (file, data, options) => {
      original(file, data, options);
      if (sentAfter === undefined && String(file).endsWith('.tmp')) {
        sentAfter = String(file);
        process.kill(process.pid, 'SIGINT');
      }
    });
    let stats: Awaited<ReturnType<typeof writeChanges>> | undefined;
    try {
      stats = await writeChanges(served, [{ path: 'a/index.html', data: 'new page' }, { path: 'b/index.html', data: 'new page' }], []);
    } finally {
      // A signal that arrived with no listener left would end this test process.
      if (sentAfter) await waitFor(() => serveHandler.mock.calls.length > 0, 'the SIGINT handler');
      process.removeListener('SIGINT', serveHandler);
    }
    expect(sentAfter).toMatch(/dist\/a\/index\.html\.[0-9a-f]{8}\.tmp$/);
    expect(stats.changedPaths).toEqual(['a/index.html', 'b/index.html']);
    // Both pages were already renamed into place when the handler ran: the signal came between the first temp write and its rename.
    expect(seen).toEqual([{ temps: [], pages: ['new page', 'new page'] }]);
    // Nothing was left half done: the output lock is gone too.
    expect(filesIn(dir)).toEqual(['dist', 'dist/a', 'dist/a/index.html', 'dist/b', 'dist/b/index.html']);
  });
});
