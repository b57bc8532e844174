import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

// Workers and the parse cache are optimisations: they must not change one byte.
const now = '--now=2025-01-01T00:00:00Z';
let site: TempSite;

beforeAll(() => {
  const tags = ['asylum', 'smuggling', 'labour migration', 'border policy', 'sea crossings', 'detention', 'visas', 'remittances'];
  const categories = ['Greece', 'Italy', 'Spain', 'Libya', 'Mexico'];
  const files: Record<string, string> = { 'content/authors/ana.md': '---\nname: Ana\n---\nBio.\n' };
  // Enough files to start the worker pool (it starts at 200).
  for (let i = 0; i < 240; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    files[`content/posts/p${i}.md`] = article(
      { title: `Report ${i} on ${tags[i % 8]}`, date: `2024-${month}-${day}T${String(i % 24).padStart(2, '0')}:00:00`, author: 'ana', categories: `[${categories[i % 5]}]`, tags: `[${tags[i % 8]}, ${tags[(i * 3) % 8]}]` },
      `Paragraph ${i} with *emphasis*, a [link](https://example.org/${i}) and São Paulo.\n\n## Section ${i}\n\n| a | b |\n|---|---|\n| ${i} | ~~x~~ |\n\n- one\n- two\n`,
    );
  }
  site = createTempSite(files, { config: { search: { enabled: false } } });
});
// Removing 240 articles and seven builds of them can take a while on a busy disk.
afterAll(() => site.remove(), 120_000);

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(site.list(dir).map((f) => [f, readFileSync(join(site.root, dir, f), 'utf8')]));
}

// Four CLI builds of 240 articles each: over half a minute on a loaded machine.
describe('parse equivalence', { timeout: 180_000 }, () => {
  it('gives the same output with worker threads as on the main thread', async () => {
    expect((await site.main('build', now, '--no-cache', '--workers', '0', '--out', 'serial')).code).toBe(0);
    expect((await site.main('build', now, '--no-cache', '--workers', '2', '--out', 'parallel')).code).toBe(0);
    const serial = snapshot('serial');
    expect(Object.keys(serial).length).toBeGreaterThan(240);
    expect(snapshot('parallel')).toEqual(serial);
  });

  it('gives the same output from the cache as without it, and survives a corrupt cache', async () => {
    expect((await site.main('build', now, '--no-cache', '--out', 'uncached')).code).toBe(0);
    expect((await site.main('build', now, '--out', 'cold')).code).toBe(0);
    expect(site.exists('.cache/migrant-site/parsed.bin')).toBe(true);
    expect((await site.main('build', now, '--out', 'warm')).code).toBe(0);
    const uncached = snapshot('uncached');
    expect(snapshot('cold')).toEqual(uncached);
    expect(snapshot('warm')).toEqual(uncached);
    writeFileSync(join(site.root, '.cache/migrant-site/parsed.bin'), 'not a cache');
    const corrupt = await site.main('build', now, '--out', 'after-corrupt');
    expect(corrupt.code).toBe(0);
    expect(corrupt.stderr).toContain('the parse cache could not be used, so every file is parsed again');
    expect(snapshot('after-corrupt')).toEqual(uncached);
  }, 180_000); // four builds of 240 articles: more than the default 30 s on a machine shared by several test runs

  it('notices an edited file even though the cache has its old version', async () => {
    expect((await site.main('build', now, '--out', 'before-edit')).code).toBe(0);
    site.write('content/posts/p7.md', site.read('content/posts/p7.md').replace('Paragraph 7', 'Edited paragraph 7'));
    expect((await site.main('build', now, '--out', 'after-edit')).code).toBe(0);
    expect(site.read('after-edit/2024/08/p7/index.html')).toContain('Edited paragraph 7');
  });
});
