import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkersVariable } from '../../src/pipeline/create-parse-pool.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

// Workers and the parse cache are optimisations: they must not change one byte.
const now = '--now=2025-01-01T00:00:00Z';
let site: TempSite;

beforeAll(() => {
  const tags = ['asylum', 'smuggling', 'labour migration', 'border policy', 'sea crossings', 'detention', 'visas', 'remittances'];
  const categories = ['Greece', 'Italy', 'Spain', 'Libya', 'Mexico'];
  const files: Record<string, string> = { 'content/authors/ana.md': '---\nname: Ana\n---\nBio.\n' };
  // Three batches of files for the threads (64 a batch), whose results must come back in order.
  for (let i = 0; i < 130; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    files[`content/posts/p${i}.md`] = article(
      { title: `Report ${i} on ${tags[i % 8]}`, date: `2024-${month}-${day}T${String(i % 24).padStart(2, '0')}:00:00`, author: 'ana', categories: `[${categories[i % 5]}]`, tags: `[${tags[i % 8]}, ${tags[(i * 3) % 8]}]` },
      `Paragraph ${i} with *emphasis*, a [link](https://example.org/${i}) and São Paulo.\n\n## Section ${i}\n\n| a | b |\n|---|---|\n| ${i} | ~~x~~ |\n\n- one\n- two\n`,
    );
  }
  site = createTempSite(files, { config: { search: { enabled: false } } });
});
// Removing the articles and five builds of them can take a while on a busy disk.
afterAll(() => site.remove(), 120_000);

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(site.list(dir).map((f) => [f, readFileSync(join(site.root, dir, f), 'utf8')]));
}

/** One build per output folder, made on first use: tests share the reference builds and each still runs alone. */
const builds = new Map<string, Promise<number>>();
function built(out: string, ...flags: string[]): Promise<number> {
  if (!builds.has(out)) builds.set(out, site.main('build', now, ...flags, '--out', out).then((r) => r.code));
  return builds.get(out)!;
}
/** The reference: no cache, no workers. */
const serial = () => built('serial', '--no-cache', '--workers', '0');
/**
 * On two worker threads, with an empty cache: every file is parsed on the threads, and the cache is written.
 * The threads run the compiled worker, so this build is the compiled CLI's (in-process, from the sources, there
 * are none), told to use them for any number of files.
 */
const cold = () => {
  if (!builds.has('cold')) {
    const run = site.runWith({ [parseWorkersVariable]: 'always' }, 'build', now, '--workers', '2', '--verbose', '--out', 'cold');
    builds.set('cold', run.then((r) => (r.stdout.includes('(parsing on 2 worker threads)') ? r.code : Promise.reject(new Error(`not parsed on the threads:\n${r.stdout}${r.stderr}`)))));
  }
  return builds.get('cold')!;
};
const cacheFile = '.cache/migrant-site/parsed.bin';

// Five CLI builds of 130 articles each: many seconds on a loaded machine.
describe('parse equivalence', { timeout: 180_000 }, () => {
  it('gives the same output with worker threads as on the main thread', async () => {
    expect(await serial()).toBe(0);
    expect(await cold()).toBe(0);
    const reference = snapshot('serial');
    expect(Object.keys(reference).length).toBeGreaterThan(130);
    expect(snapshot('cold')).toEqual(reference);
  });

  it('gives the same output from the cache as without it', async () => {
    expect(await serial()).toBe(0);
    expect(await cold()).toBe(0);
    expect(site.exists(cacheFile)).toBe(true);
    expect(await built('warm')).toBe(0);
    const reference = snapshot('serial');
    expect(snapshot('cold')).toEqual(reference);
    expect(snapshot('warm')).toEqual(reference);
  });

  it('notices an edited file even though the cache has its old version', async () => {
    expect(await cold()).toBe(0);
    expect(await built('warm')).toBe(0);
    const original = site.read('content/posts/p7.md');
    site.write('content/posts/p7.md', original.replace('Paragraph 7', 'Edited paragraph 7'));
    try {
      expect((await site.main('build', now, '--out', 'after-edit')).code).toBe(0);
      expect(site.read('after-edit/2024/08/p7/index.html')).toContain('Edited paragraph 7');
    } finally {
      site.write('content/posts/p7.md', original);
    }
  });

  it('survives a corrupt cache', async () => {
    expect(await serial()).toBe(0);
    expect(await cold()).toBe(0);
    writeFileSync(join(site.root, cacheFile), 'not a cache');
    const corrupt = await site.main('build', now, '--out', 'after-corrupt');
    expect(corrupt.code).toBe(0);
    expect(corrupt.stderr).toContain('the parse cache could not be used, so every file is parsed again');
    expect(snapshot('after-corrupt')).toEqual(snapshot('serial'));
  });
});
