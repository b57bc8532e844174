import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/write/write-outputs.js';
import { SiteError } from '../../src/diagnostics/diagnostic.js';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function workspace(): { parent: string; out: string } {
  const parent = mkdtempSync(join(tmpdir(), 'write-'));
  roots.push(parent);
  return { parent, out: join(parent, 'dist') };
}

describe('writeOutputs', () => {
  it('replaces the output folder: new files written, stale files gone', async () => {
    const { parent, out } = workspace();
    await writeOutputs(out, [{ path: 'old/index.html', data: 'old' }, { path: 'index.html', data: 'v1' }]);
    const stats = await writeOutputs(out, [{ path: 'index.html', data: 'v2' }, { path: 'a/b.txt', data: new Uint8Array([1, 2]) }]);
    expect(stats).toEqual({ written: 2, unchanged: 0, changedPaths: ['a/b.txt', 'index.html'] });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('v2');
    expect([...readFileSync(join(out, 'a/b.txt'))]).toEqual([1, 2]);
    expect(() => statSync(join(out, 'old'))).toThrow();
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('keeps unchanged files as they were, with their mtime', async () => {
    const { out } = workspace();
    const src = join(out, '..', 'source.txt');
    writeFileSync(src, 'copied');
    await writeOutputs(out, [{ path: 'same.html', data: 'same' }, { path: 'copy.txt', copyFrom: src }]);
    const before = statSync(join(out, 'same.html')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const stats = await writeOutputs(out, [{ path: 'same.html', data: 'same' }, { path: 'copy.txt', copyFrom: src }]);
    expect(stats).toEqual({ written: 0, unchanged: 2, changedPaths: [] });
    expect(statSync(join(out, 'same.html')).mtimeMs).toBe(before);
  });

  it.each(['../escape.txt', '/etc/passwd-like', 'a/../../escape.txt'])('refuses the path %s and leaves the previous output as it was', async (path) => {
    const { parent, out } = workspace();
    await writeOutputs(out, [{ path: 'index.html', data: 'good' }]);
    await expect(writeOutputs(out, [{ path: 'new.html', data: 'x' }, { path, data: 'evil' }])).rejects.toThrow(SiteError);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('good');
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('turns a write failure into an error and leaves the previous output and no temp folder', async () => {
    // A file where a folder must go fails even for root, who ignores permissions.
    const { parent, out } = workspace();
    await writeOutputs(out, [{ path: 'index.html', data: 'good' }]);
    const failing = writeOutputs(out, [{ path: 'a', data: 'file' }, { path: 'a/b.html', data: 'under a file' }]);
    await expect(failing).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: 'MS502' })] });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('good');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});
