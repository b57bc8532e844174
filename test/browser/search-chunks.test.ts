import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../src/dev/create-static-server.js';
import { chunkOf } from '../../src/outputs/search-chunks.js';
import { type ChromiumSession, hasChromium, openChromium, serveSampleSite } from '../support/browser.js';
import { copySampleSite, repoRoot } from '../support/temp-site.js';

// The search index in chunks must find what one index finds: the repository's
// sample site under /news/, as the browser project builds it (a single Pagefind
// index: fewer articles than the default chunk size) and built again in chunks
// of three articles merged in the browser, asked the same queries in Chromium
// through the search page's own script.

const waitMs = 60_000;
const sameEverywhere = ['Libya', 'border', 'Catania'];
// Words some chunks lack while others have them: a chunk on its own would fall back to the longest indexed word
// the term starts with ("re" of "re-entry" for "refugees", Pagefind/pagefind#780) and add articles one index does not find.
const missingFromSomeChunks = ['refugees', 'workers', 'asylum'];

/** Words of two of the sample site's articles: their distinct words, shorter prefixes of them, and pairs of neighbours. */
function queriesFromArticles(): string[] {
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const file of ['bekaa-syrian-families-return.md']) {
    const text = readFileSync(join(repoRoot, 'content', 'posts', file), 'utf8').split(/^---$/m)[2].toLowerCase();
    const found = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    for (const [i, word] of found.entries()) {
      words.add(word);
      if (i % 12 === 0 && found[i + 1]) pairs.add(`${word} ${found[i + 1]}`);
    }
  }
  // Every other word's prefixes, every fourth word's fallback (a few hundred of each keeps the test quick).
  const prefixes = [...words].flatMap((w, i) => (i % 2 === 0 ? [w.slice(0, 2), w.slice(0, 4), w.slice(0, -1), ...(i % 4 === 0 ? [`${w}zq`] : [])] : [])).filter((p) => p.length > 1);
  return [...new Set([...words, ...prefixes, ...pairs])].sort();
}

interface Served {
  origin: string;
  dir: string;
  close(): Promise<void>;
}

/** The sample site with `search.chunkSize` set (its other settings kept), built by the CLI into a temp folder and served under /news/. */
async function serveWithChunkSize(chunkSize: number): Promise<Served> {
  const root = mkdtempSync(join(tmpdir(), 'migrant-site-chunks-'));
  const config = JSON.parse(readFileSync(join(repoRoot, 'site.config.json'), 'utf8'));
  copySampleSite(root);
  writeFileSync(join(root, 'site.config.json'), JSON.stringify({ ...config, search: { ...config.search, chunkSize } }));
  const dir = join(root, 'dist');
  const args = ['build', '--base-url', 'https://example.org/news/', '--now', '2026-11-28T12:00:00Z', '--offline', '-q'];
  await promisify(execFile)(process.execPath, [join(repoRoot, 'bin', 'migrant-site.js'), ...args], { cwd: root });
  const server = createStaticServer({ dir, basePath: '/news/', host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dir,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

describe.skipIf(!hasChromium)('search over a chunked index in a browser', () => {
  let single: Served;
  let chunked: Served;
  let browser: ChromiumSession;
  const errors: string[] = [];

  beforeAll(async () => {
    // One after the other: the chunked copy then reuses the pictures the sample site's build encoded, and never
    // copies the repository's cache while that build is still writing it.
    single = await serveSampleSite();
    chunked = await serveWithChunkSize(3);
    browser = openChromium();
  }, 4 * waitMs);

  afterAll(async () => {
    await browser?.close();
    await single?.close();
    await chunked?.close();
  });

  const chunksOf = (site: Served): string[] => JSON.parse(readFileSync(join(site.dir, 'pagefind', 'chunks.json'), 'utf8')).chunks;

  async function open(site: Served, path: string): Promise<{ page: Page; requests: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(waitMs);
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.origin}${path}`);
    return { page, requests };
  }

  /** Every result of the query the page shows, after pressing "Load more" until the count the page states is listed. */
  async function allResults(page: Page, query: string): Promise<string[]> {
    const message = page.locator('.pagefind-ui__message');
    // This query's own count: a page that searched before still shows the last one until this one is done.
    await expect.poll(() => message.textContent(), { timeout: waitMs }).toMatch(new RegExp(`^(\\d+) results? for ${query}$`));
    const total = Number(/^(\d+)/.exec((await message.textContent())!)![1]);
    const links = page.locator('.pagefind-ui__result-link');
    // Pagefind's UI lists five results at a time, each once its text has loaded.
    for (let shown = Math.min(total, 5); ; shown = Math.min(total, shown + 5)) {
      await expect.poll(() => links.count(), { timeout: waitMs }).toBe(shown);
      if (shown === total) break;
      await page.click('.pagefind-ui__button');
    }
    return (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).sort();
  }

  // Each site answers each query once; tests that ask the same question share the answer.
  const answers = new Map<string, Promise<string[]>>();
  function search(site: Served, query: string): Promise<string[]> {
    const key = `${site.origin} ${query}`;
    if (!answers.has(key)) answers.set(key, searchOnce(site, query));
    return answers.get(key)!;
  }

  // One search page per site, opened with the first query in its address; the reader then types the next
  // query into its box, and the chunks already loaded stay loaded, as in a reader's session.
  const searchPages = new Map<Served, Page>();
  async function searchOnce(site: Served, query: string): Promise<string[]> {
    const page = searchPages.get(site);
    if (page) await page.locator('.pagefind-ui__search-input').fill(query);
    else searchPages.set(site, (await open(site, `/news/search/?q=${encodeURIComponent(query)}`)).page);
    return allResults(searchPages.get(site)!, query);
  }

  it('splits the chunked build into several indexes and the single build into one', () => {
    expect(chunksOf(single)).toEqual(['chunks/0/']);
    expect(chunksOf(chunked).length).toBeGreaterThan(3);
  });

  it.each(sameEverywhere)('finds the same articles for "%s" in chunks as in one index', async (query) => {
    const one = await search(single, query);
    const merged = await search(chunked, query);
    expect(one.length).toBeGreaterThan(0);
    expect(merged).toEqual(one);
    expect(errors).toEqual([]);
  });

  it.each(missingFromSomeChunks)('finds the same articles for "%s", a word some chunks lack, in chunks as in one index', async (query) => {
    const one = await search(single, query);
    const merged = await search(chunked, query);
    expect(one.length).toBeGreaterThan(0);
    expect(merged).toEqual(one);
    expect(errors).toEqual([]);
  });

  // Every distinct word of two articles, prefixes of each (as a reader types), each with letters no article
  // has after it (so every index falls back) and neighbouring pairs, asked of the search module the pages' UI
  // loaded (the same module instance, through its API: the UI's own rendering is covered above). Pagefind loads
  // an index's words file by file, by the range of the searched term, and answers a prefix from the words loaded
  // so far (one index answers "we" without the article that says "were" until a search has loaded the file with
  // "were"); so every query's files are loaded first, on both sites, and then the answers are compared.
  it('finds the same articles in chunks as in one index for every word, prefix and pair of words of a sample article', async () => {
    const queries = queriesFromArticles();
    expect(queries.length).toBeGreaterThan(400);
    await Promise.all([search(single, 'Libya'), search(chunked, 'Libya')]);
    // As source text: vitest would rewrite an import() written in a function here.
    const askAll = (page: Page): Promise<string[][]> =>
      page.evaluate(`(async (queries) => {
        const module = await import(document.getElementById('search').getAttribute('data-bundle-path') + 'pagefind.js');
        await Promise.all(queries.map((q) => module.preload(q, {})));
        const urlsFor = async (q) => (await Promise.all((await module.search(q, {})).results.map(async (r) => (await r.data()).url))).sort();
        return Promise.all(queries.map(urlsFor));
      })(${JSON.stringify(queries)})`);
    const [one, merged] = await Promise.all([askAll(searchPages.get(single)!), askAll(searchPages.get(chunked)!)]);
    const differing = queries.filter((_, i) => JSON.stringify(one[i]) !== JSON.stringify(merged[i]));
    expect(differing).toEqual([]);
    // The queries find something more often than not, so the comparison is not between empty lists.
    expect(one.filter((urls) => urls.length > 0).length).toBeGreaterThan(queries.length / 2);
    expect(errors).toEqual([]);
  });

  it('finds articles from more than one chunk in one query', async () => {
    const found = await search(chunked, 'refugees');
    const chunks = new Set(found.map((href) => chunkOf(href.replace(/^\/news/, ''), chunksOf(chunked).length)));
    expect(chunks.size).toBeGreaterThan(1);
  });

  it('loads no chunk until the reader searches, then every chunk, also on a slow connection', async () => {
    const { page, requests } = await open(chunked, '/news/search/');
    // 150 ms round trips and 180 KB/s down (a slow mobile connection): every chunk's files arrive late and
    // out of step, long after the page has started; the 29 requests (166 KB) of the search take seconds, not minutes.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 180 * 1024, uploadThroughput: 84 * 1024 });
    const input = page.locator('.pagefind-ui__search-input');
    await input.waitFor();
    expect(requests.filter((p) => p.includes('/pagefind/') && !p.endsWith('/pagefind-ui.js') && !p.endsWith('/pagefind-ui.css') && !p.endsWith('/chunks.json'))).toEqual([]);
    await input.fill('Libya');
    const found = await allResults(page, 'Libya');
    expect(found).toEqual(await search(single, 'Libya'));
    const entries = requests.filter((p) => p.endsWith('/pagefind-entry.json'));
    expect(entries.sort()).toEqual([...chunksOf(chunked), 'words/'].map((c) => `/news/pagefind/${c}pagefind-entry.json`).sort());
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
