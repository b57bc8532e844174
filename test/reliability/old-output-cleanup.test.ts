import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Issue 11 item 10: once the new site is swapped in, failing to delete the old
// one must not be reported as "the previous output was left as it was".

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    rmSync(...args: Parameters<typeof fs.rmSync>) {
      if (/\.dist-old-/.test(String(args[0]))) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      fs.rmSync(...args);
    },
  };
});

const { writeOutputs } = await import('../../src/write/write-outputs.js');

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('a failed cleanup after the swap', () => {
  it('is a warning that says the new site is live and where the old one is', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cleanup-'));
    roots.push(parent);
    const out = join(parent, 'dist');
    await writeOutputs(out, [{ path: 'index.html', data: 'v1' }]);
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
