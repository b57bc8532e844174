import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// The search index in chunks: a warm build indexes again only the chunks
// whose articles changed, keeps the others from the last output, and ends
// with the same /pagefind/ as a cold build.
let site: FixtureCopy;
afterEach(() => site?.cleanup());

const now = '2024-11-10T12:00:00Z';

/** A build with search in chunks of four articles; returns what its verbose output says of the search stage. */
async function build(more: { outDir?: string; cache?: boolean } = {}): Promise<string[]> {
  const said: string[] = [];
  const logger: Logger = { info() {}, warn() {}, error() {}, debug: (m) => void (m.includes('chunks indexed') && said.push(m.trim())) };
  const result = await runBuild({ configPath: `${site.root}/site.config.json`, now: new Date(now), logger, workers: 0, ...more });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return said;
}

const searchFiles = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith('pagefind/')));

describe('a search index in chunks', () => {
  it('indexes again only the chunk of an edited article, and equals a cold build', async () => {
    site = copyFixture('newsroom');
    site.edit('site.config.json', (t) => t.replace(/\}\s*$/, ', "search": { "enabled": true, "chunkSize": 4 } }\n'));
    expect(await build()).toEqual(['search: 4 of 4 chunks indexed']);
    expect(JSON.parse(site.read('dist/pagefind/chunks.json')).chunks.length).toBeGreaterThan(1);
    // Nothing changed: the build keeps the output as it is (its fingerprint holds) and indexes nothing.
    expect(await build()).toEqual([]);
    const before = searchFiles(site.snapshot('dist'));
    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather', 'Calm seas'));
    expect(await build()).toEqual(['search: 1 of 4 chunks indexed']);
    const after = searchFiles(site.snapshot('dist'));
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    // Only files of one chunk's folder changed (its fragments, index, metadata and words), and the word index made from every chunk's words.
    const folders = new Set(changed.map((path) => /^pagefind\/(chunks\/\d+|words)\//.exec(path)?.[1]));
    expect([...folders].filter((f) => f !== 'words')).toHaveLength(1);
    expect(folders.has('words')).toBe(true);
    expect(folders.has(undefined)).toBe(false);
    await build({ outDir: 'dist-cold', cache: false });
    expect(after).toEqual(searchFiles(site.snapshot('dist-cold')));
  }, 180_000);

  it('refreshes in serve --watch only the chunks whose articles changed, to the index a cold build makes', async () => {
    site = copyFixture('newsroom');
    site.edit('site.config.json', (t) => t.replace(/\}\s*$/, ', "search": { "enabled": true, "chunkSize": 4 } }\n'));
    const { config } = await loadConfig(`${site.root}/site.config.json`);
    const builder = createSiteBuilder({ root: site.root, config, now: new Date(now), logger: silentLogger, deferSearch: true });
    expect((await builder.build()).summary).toBeDefined();
    expect(Object.keys(searchFiles(site.snapshot('dist')))).toEqual([]);
    expect((await builder.refreshSearch()).chunks).toEqual({ indexed: 4, total: 4 });
    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather', 'Calm seas'));
    expect((await builder.build(new Set(['content/posts/lesbos-arrivals.md']))).summary?.rendered).toBeGreaterThan(0);
    const refreshed = await builder.refreshSearch();
    expect(refreshed.chunks).toEqual({ indexed: 1, total: 4 });
    expect(refreshed.changedUrls?.every((u) => u.startsWith('/pagefind/chunks/') || u.startsWith('/pagefind/words/'))).toBe(true);
    // Nothing changed since: nothing to do.
    expect((await builder.refreshSearch()).chunks).toBeUndefined();
    await build({ outDir: 'dist-cold', cache: false });
    expect(searchFiles(site.snapshot('dist'))).toEqual(searchFiles(site.snapshot('dist-cold')));
  }, 180_000);
});
