import fs, { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/write/write-outputs.js';
import { replaceBuiltin } from '../support/replace-builtin.js';

// Issue 11 item 10: once the new site is swapped in, failing to delete the old
// one must not be reported as "the previous output was left as it was".

const roots: string[] = [];
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true }));
});

describe('a failed cleanup after the swap', () => {
  it('is a warning that says the new site is live and where the old one is', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cleanup-'));
    roots.push(parent);
    const out = join(parent, 'dist');
    await writeOutputs(out, [{ path: 'index.html', data: 'v1' }]);
    restore = replaceBuiltin(fs, 'rmSync', (original) => (path, options) => {
      if (/\.dist-old-/.test(String(path))) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      original(path, options);
    });
    const stats = await writeOutputs(out, [{ path: 'index.html', data: 'v2' }]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('v2');
    const backup = readdirSync(parent).find((f) => f.startsWith('.dist-old-'))!;
    expect(stats.warnings).toEqual([
      expect.objectContaining({
        code: 'MS511',
        severity: 'warning',
        message: `the new site is in ${out}, but the previous output could not be deleted from ${join(parent, backup)}: EBUSY`,
      }),
    ]);
    expect(stats.warnings![0].message).not.toContain('left as it was');
  });
});
