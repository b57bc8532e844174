import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteError } from '../../src/diagnostics/diagnostic.js';
import { writeChanges } from '../../src/write/write-changes.js';
import { writeOutputs, type Output, type WriteStats } from '../../src/write/write-outputs.js';

// Both writers (a full build's swap and a watch rebuild's in-place update)
// keep one rule for where they may write and one for what counts as unchanged.

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

const writers: [string, (out: string, outputs: Output[]) => Promise<WriteStats>][] = [
  ['writeOutputs', writeOutputs],
  ['writeChanges', (out, outputs) => writeChanges(out, outputs, [])],
];

describe.each(writers)('%s', (_, write) => {
  const outFolder = () => {
    const parent = mkdtempSync(join(tmpdir(), 'writer-rules-'));
    roots.push(parent);
    return { parent, out: join(parent, 'dist') };
  };

  it.each(['../escaped.html', '../dist-evil/index.html', '.'])('refuses %s, which is not inside the output folder, writing nothing there', async (path) => {
    const { parent, out } = outFolder();
    const attempt = write(out, [{ path, data: 'x' }]);
    await expect(attempt).rejects.toBeInstanceOf(SiteError);
    await expect(attempt).rejects.toThrow(`output path escapes the output folder: ${path}`);
    expect(existsSync(join(parent, 'escaped.html'))).toBe(false);
    expect(existsSync(join(parent, 'dist-evil'))).toBe(false);
  });

  it('skips files whose bytes are the same (text or a view into a larger buffer) and writes a same-sized change', async () => {
    const { out } = outFolder();
    const bytes = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    await write(out, [{ path: 'a.html', data: 'héllo' }, { path: 'b.bin', data: bytes }]);
    const again = await write(out, [{ path: 'a.html', data: 'héllo' }, { path: 'b.bin', data: new Uint8Array([1, 2, 3]) }]);
    expect(again).toMatchObject({ written: 0, unchanged: 2, changedPaths: [] });
    const changed = await write(out, [{ path: 'a.html', data: 'hèllo' }, { path: 'b.bin', data: bytes }]);
    expect(changed).toMatchObject({ written: 1, unchanged: 1, changedPaths: ['a.html'] });
    expect(readFileSync(join(out, 'a.html'), 'utf8')).toBe('hèllo');
  });
});
