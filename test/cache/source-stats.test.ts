import { mkdtempSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache/parse-cache.js';
import { loadSourceStats, racyMs } from '../../src/cache/source-stats.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

const clock = 1_000_000;
const stat = (fields: Partial<Stats> = {}) => ({ size: 10, mtimeMs: 500_000.25, ctimeMs: 500_000.5, ino: 42, ...fields }) as Stats;

describe('source stats', () => {
  it('gives a recorded hash back only for exactly the same size, mtime, ctime and inode, after a reload', async () => {
    root = mkdtempSync(join(tmpdir(), 'migrant-stats-'));
    const stats = await loadSourceStats(root, () => clock);
    stats.record('content/posts/a.md', stat(), 'hash-a');
    await stats.save(['content/posts/a.md']);
    const loaded = await loadSourceStats(root, () => clock);
    expect(loaded.known('content/posts/a.md', stat())).toBe('hash-a');
    for (const changed of [{ size: 11 }, { mtimeMs: 500_000.26 }, { ctimeMs: 600_000 }, { ino: 43 }]) expect(loaded.known('content/posts/a.md', stat(changed)), JSON.stringify(changed)).toBeUndefined();
    expect(loaded.known('content/posts/b.md', stat())).toBeUndefined();
  });

  it('does not record a file changed within the racy window before it was hashed, nor keep files no longer there', async () => {
    root = mkdtempSync(join(tmpdir(), 'migrant-stats-'));
    const stats = await loadSourceStats(root, () => clock);
    stats.record('content/posts/fresh.md', stat({ ctimeMs: clock - racyMs + 1 }), 'hash-fresh');
    stats.record('content/posts/gone.md', stat(), 'hash-gone');
    expect(stats.known('content/posts/fresh.md', stat({ ctimeMs: clock - racyMs + 1 }))).toBeUndefined();
    await stats.save(['content/posts/fresh.md']);
    expect((await loadSourceStats(root, () => clock)).known('content/posts/gone.md', stat())).toBeUndefined();
  });

  it('starts empty from a damaged file', async () => {
    root = mkdtempSync(join(tmpdir(), 'migrant-stats-'));
    const stats = await loadSourceStats(root, () => clock);
    stats.record('content/posts/a.md', stat(), 'hash-a');
    await stats.save(['content/posts/a.md']);
    writeFileSync(join(cacheDir(root), 'sources.v8'), 'damaged');
    expect((await loadSourceStats(root, () => clock)).known('content/posts/a.md', stat())).toBeUndefined();
  });
});
