import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { SiteError } from '../../src/diagnostics/diagnostic.js';
import type { RenderedPageInfo } from '../../src/outputs/generated-file.js';
import { renderSearchIndex, startSearchIndex } from '../../src/outputs/search-index.js';
import { article, createTempSite } from '../support/temp-site.js';

const page = (url: string, kind: string, body: string): RenderedPageInfo => ({
  url,
  kind,
  html: `<!doctype html><html lang="en"><head><title>x</title></head><body><nav>Menu words</nav><article data-pagefind-body><h1>${body}</h1><p>${body} text.</p></article></body></html>`,
});

const pages = [page('/2024/11/catania/', 'post', 'Trial opens in Catania'), page('/about/', 'page', 'About the desk'), page('/2024/10/chad/', 'post', 'Camps in Chad')];

async function failureOf(run: Promise<unknown>): Promise<SiteError> {
  const e = await run.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(SiteError);
  return e as SiteError;
}

describe('renderSearchIndex', () => {
  const saved = process.env.PAGEFIND_BINARY_PATH;
  afterEach(() => {
    vi.restoreAllMocks();
    if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
    else process.env.PAGEFIND_BINARY_PATH = saved;
  });

  it('indexes only the articles and returns the Pagefind bundle under /pagefind/, the index in its one chunk', async () => {
    const files = await renderSearchIndex(pages, makeConfig());
    const urls = files.map((f) => f.url);
    expect(urls).toEqual(expect.arrayContaining(['/pagefind/pagefind-ui.js', '/pagefind/pagefind-ui.css', '/pagefind/chunks.json', '/pagefind/chunks/0/pagefind.js', '/pagefind/chunks/0/pagefind-entry.json']));
    expect(urls.every((u) => u.startsWith('/pagefind/'))).toBe(true);
    expect(urls.some((u) => u.startsWith('/pagefind/chunks/0/fragment/'))).toBe(true);
    expect(files.every((f) => f.origin === 'search index')).toBe(true);
    const entry = JSON.parse(new TextDecoder().decode(files.find((f) => f.url === '/pagefind/chunks/0/pagefind-entry.json')!.data as Uint8Array));
    expect(entry.languages.en.page_count).toBe(2);
    // One chunk is one index already: no word index.
    expect(JSON.parse(files.find((f) => f.url === '/pagefind/chunks.json')!.data as string)).toEqual({ version: 2, chunks: ['chunks/0/'] });
    expect(urls.some((u) => u.startsWith('/pagefind/words/'))).toBe(false);
  });

  it('splits the articles into chunks of chunkSize, each its own index, and lists those that hold articles', async () => {
    const many = Array.from({ length: 9 }, (_, i) => page(`/2024/10/story-${i}/`, 'post', `Story ${i} about border crossings`));
    const files = await renderSearchIndex(many, makeConfig({ search: { enabled: true, chunkSize: 3 } }));
    const text = (url: string) => Buffer.from(files.find((f) => f.url === url)!.data).toString('utf8');
    const { chunks } = JSON.parse(text('/pagefind/chunks.json')) as { chunks: string[] };
    expect(chunks.length).toBeGreaterThan(1);
    const counts = chunks.map((c) => JSON.parse(text(`/pagefind/${c}pagefind-entry.json`)).languages.en.page_count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9);
    // Pagefind's UI once, at the root; each chunk carries the search script that can open it as the primary index.
    expect(files.filter((f) => f.url.endsWith('pagefind-ui.js')).map((f) => f.url)).toEqual(['/pagefind/pagefind-ui.js']);
    expect(chunks.every((c) => files.some((f) => f.url === `/pagefind/${c}pagefind.js`))).toBe(true);
    // The search page's UI loads the module at the root, which asks the word index first: a record of each chunk's words.
    expect(text('/pagefind/pagefind.js')).toContain('export async function search(');
    expect(JSON.parse(text('/pagefind/chunks.json')).words).toBe('words/');
    expect(JSON.parse(text('/pagefind/words/pagefind-entry.json')).languages.en.page_count).toBe(chunks.length);
  });

  it('gives the same files for the same pages in any order', async () => {
    const digest = (files: { url: string; data: string | Uint8Array }[]) => files.map((f) => `${f.url}:${Buffer.from(f.data).toString('base64')}`).sort();
    const first = await renderSearchIndex(pages, makeConfig());
    const second = await renderSearchIndex([...pages].reverse(), makeConfig());
    expect(digest(second)).toEqual(digest(first));
  });

  it('makes the same files for a chunk completed as soon as its pages are in as for one made at finish, and refuses pages after', async () => {
    const digest = (files: { chunks: Map<number, { url: string; data: string | Uint8Array }[]>; bundle: { url: string; data: string | Uint8Array }[] }) =>
      [...files.bundle, ...[...files.chunks.values()].flat()].map((f) => `${f.url}:${Buffer.from(f.data).toString('base64')}`).sort();
    const many = Array.from({ length: 6 }, (_, i) => page(`/2024/10/story-${i}/`, 'post', `Story ${i} about the crossing`));
    const config = makeConfig({ search: { enabled: true, chunkSize: 3 } });
    const atFinish = startSearchIndex(config);
    for (const [i, p] of many.entries()) await atFinish.add(p, i % 2);
    const together = await atFinish.finish([0, 1]);
    const early = startSearchIndex(config);
    for (const id of [0, 1]) {
      for (const [i, p] of many.entries()) if (i % 2 === id) await early.add(p, id);
      early.complete(id);
    }
    await expect(early.add(page('/2024/10/late/', 'post', 'Late story'), 0)).rejects.toThrow('search chunk 0 was completed before /2024/10/late/ was added to it');
    expect(digest(await early.finish([0, 1]))).toEqual(digest(together));
  });

  it('makes nothing when search is off', async () => {
    process.env.PAGEFIND_BINARY_PATH = '/nonexistent/pagefind';
    expect(await renderSearchIndex(pages, makeConfig({ search: { enabled: false } }))).toEqual([]);
  });

  it('turns a Pagefind that cannot start into error MS503', async () => {
    process.env.PAGEFIND_BINARY_PATH = '/nonexistent/pagefind';
    // Pagefind's own client logs the failed spawn; the build reports it as the diagnostic below.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = await failureOf(renderSearchIndex(pages, makeConfig()));
    expect(e.diagnostics).toMatchObject([{ code: 'MS503', severity: 'error' }]);
    expect(e.diagnostics[0].message).toMatch(/^could not build the search index: /);
    expect(e.diagnostics[0].hint).toContain('"search": { "enabled": false }');
  });

  it('gives up on a Pagefind that never answers, with error MS503', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrant-site-pagefind-'));
    try {
      const stuck = join(dir, 'pagefind');
      writeFileSync(stuck, '#!/bin/sh\nexec sleep 30\n');
      chmodSync(stuck, 0o755);
      process.env.PAGEFIND_BINARY_PATH = stuck;
      const e = await failureOf(renderSearchIndex(pages, makeConfig(), { timeoutMs: 300 }));
      expect(e.diagnostics).toMatchObject([{ code: 'MS503', message: 'could not build the search index: pagefind did not finish within 0.3 s' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('site search in a build', () => {
  it('writes the search page and the index, and the header links to the page', async () => {
    const site = createTempSite({ 'content/posts/a.md': article({ title: 'Camps in Chad', date: '2026-11-01' }) }, { config: { search: { enabled: true } } });
    try {
      expect((await site.main('build', '--now', '2026-11-28T12:00:00Z', '-q')).code).toBe(0);
      expect(site.list()).toEqual(expect.arrayContaining(['search/index.html', 'pagefind/pagefind-ui.js', 'pagefind/chunks.json', 'pagefind/chunks/0/pagefind-entry.json']));
      expect(site.read('dist/index.html')).toContain('<a class="search-toggle" href="/search/" data-search-open>');
    } finally {
      site.remove();
    }
  });

  it('leaves out the search page, the index and the header link when search is off', async () => {
    const site = createTempSite({ 'content/posts/a.md': article({ title: 'Camps in Chad', date: '2026-11-01' }) }, { config: { search: { enabled: false } } });
    try {
      expect((await site.main('build', '--now', '2026-11-28T12:00:00Z', '-q')).code).toBe(0);
      expect(site.list().filter((f) => f.startsWith('search/') || f.startsWith('pagefind/'))).toEqual([]);
      expect(site.read('dist/index.html')).not.toContain('/search/');
    } finally {
      site.remove();
    }
  });
});
