import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../src/dev/create-static-server.js';
import { chunkOf } from '../../src/outputs/search-chunks.js';
import { hasChromium, launchChromium, serveSampleSite } from '../support/browser.js';
import { repoRoot } from '../support/temp-site.js';

// The search index in chunks must find what one index finds: the repository's
// sample site under /news/, as the browser project builds it (a single Pagefind
// index: fewer articles than the default chunk size) and built again in chunks
// of three articles merged in the browser, asked the same queries in Chromium
// through the search page's own script.

const waitMs = 60_000;
const sameEverywhere = ['Libya', 'border', 'Catania'];
const backtracked: [string, string[]][] = [
  ['refugees', ['/news/2026/11/guatemala-deportation-flights-families/']],
  ['workers', ['/news/2026/10/italy-albania-centres-court-ruling/', '/news/2026/11/bekaa-syrian-families-return/', '/news/2026/11/guatemala-deportation-flights-families/']],
  // The Bekaa article is tagged asylum but its text never says it, and its chunk has no article that does.
  ['asylum', ['/news/2026/11/bekaa-syrian-families-return/']],
];

interface Served {
  origin: string;
  dir: string;
  close(): Promise<void>;
}

/** The sample site with `search.chunkSize` set (its other settings kept), built by the CLI into a temp folder and served under /news/. */
async function serveWithChunkSize(chunkSize: number): Promise<Served> {
  const root = mkdtempSync(join(tmpdir(), 'migrant-site-chunks-'));
  const config = JSON.parse(readFileSync(join(repoRoot, 'site.config.json'), 'utf8'));
  writeFileSync(join(root, 'site.config.json'), JSON.stringify({ ...config, search: { ...config.search, chunkSize } }));
  cpSync(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
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
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    [single, chunked] = await Promise.all([serveSampleSite(), serveWithChunkSize(3)]);
    browser = await launchChromium();
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

  // Pagefind's known limit (Pagefind/pagefind#780): an index without the searched word falls back to the
  // longest indexed word the term starts with ("re" of "re-entry" for "refugees"), so a chunk lacking the
  // word adds such matches that one index, which has it, does not. Nothing one index finds is missing.
  it.each(backtracked)('finds every article for "%s" that one index finds, plus the fallback matches of chunks without the word', async (query, extra) => {
    const one = await search(single, query);
    const merged = await search(chunked, query);
    expect(one.length).toBeGreaterThan(0);
    expect(merged).toEqual([...one, ...extra].sort());
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
    expect(entries.sort()).toEqual(chunksOf(chunked).map((c) => `/news/pagefind/${c}pagefind-entry.json`).sort());
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
