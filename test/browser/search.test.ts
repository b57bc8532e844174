import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, type ChromiumSession, hasChromium, openChromium, serveSampleSite } from '../support/browser.js';
import { repeatsAndSelfLinks, storyLinks } from './reader-pages.js';

// Site search as a reader meets it: the repository's own site built under a
// sub-path, served by the project's server, driven in Debian's Chromium.
if (!hasChromium) console.warn(`skipping the browser tests: ${chromiumPath} not found (apt-get install -y chromium-headless-shell)`);

// Every wait is on a condition, with a limit generous enough for a loaded machine.
const waitMs = 60_000;

const catania = 'Trial opens in Catania over smuggling network behind deadly crossings';

describe.skipIf(!hasChromium)('site search in a browser, under /news/', () => {
  let site: Awaited<ReturnType<typeof serveSampleSite>>;
  let browser: ChromiumSession;
  let origin: string;
  const errors: string[] = [];

  beforeAll(async () => {
    site = await serveSampleSite();
    origin = site.origin;
    browser = openChromium();
  }, 3 * waitMs);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  // One page with JavaScript and one without, each led from one address to the next as a reader would.
  const pages = new Map<boolean, Page>();
  async function open(path: string, javaScriptEnabled = true): Promise<Page> {
    if (!pages.has(javaScriptEnabled)) {
      const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
      page.setDefaultTimeout(waitMs);
      page.on('pageerror', (e) => errors.push(e.message));
      pages.set(javaScriptEnabled, page);
    }
    const page = pages.get(javaScriptEnabled)!;
    await page.goto(`${origin}${path}`);
    return page;
  }

  async function results(page: Page): Promise<{ title: string | null; href: string | null }[]> {
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    return page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => ({ title: a.textContent, href: a.getAttribute('href') })));
  }

  it('opens the search box from the header and shows the matching article on the search page', async () => {
    const page = await open('/news/');
    await page.click('[data-search-open]');
    await expect.poll(() => page.locator('#search-dialog').isVisible(), { timeout: waitMs }).toBe(true);
    expect(await page.locator('.search-dialog__hint').textContent()).toBe('Type above and press Enter to search. Press Esc to cancel.');
    await page.keyboard.type('Catania');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/news/search/?q=Catania`);
    expect(await results(page)).toEqual([{ title: catania, href: '/news/2026/11/catania-smuggling-trial-opens/' }]);
    expect(errors).toEqual([]);
  });

  it('closes the search box with Esc', async () => {
    const page = await open('/news/');
    await page.click('[data-search-open]');
    await expect.poll(() => page.locator('#search-dialog').isVisible(), { timeout: waitMs }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#search-dialog').isVisible(), { timeout: waitMs }).toBe(false);
    expect(page.url()).toBe(`${origin}/news/`);
  });

  it('runs the query from the address, and finds nothing in menus or the footer', async () => {
    const page = await open('/news/search/?q=Catania');
    expect(await results(page)).toEqual([{ title: catania, href: '/news/2026/11/catania-smuggling-trial-opens/' }]);
    // No story linked twice once Pagefind has listed its results (the built markup of every page: layout.test.ts).
    expect(repeatsAndSelfLinks('/news/search/?q=Catania', await storyLinks(page))).toEqual({ path: '/news/search/?q=Catania', twice: [], self: [] });
    expect(await page.locator('[data-search-fallback]').first().isVisible()).toBe(false);
    // Pagefind's box has a real label, not only a title.
    expect(await page.locator('label[for="search-input"]').textContent()).toBe('Search articles');
    // "Privacy" is only in the footer menu, which every article page carries.
    const footerOnly = await open('/news/search/?q=Privacy');
    await expect.poll(() => footerOnly.locator('.pagefind-ui__message').textContent(), { timeout: waitMs }).toBe('No results for Privacy');
    expect(await footerOnly.locator('.pagefind-ui__result').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('works as plain links and a form without JavaScript', async () => {
    const page = await open('/news/', false);
    expect(await page.getAttribute('[data-search-open]', 'href')).toBe('/news/search/');
    const search = await open('/news/search/?q=Catania', false);
    // The sample site's search.fallback: DuckDuckGo, restricted to the site's host.
    expect(await search.getAttribute('form.search-form', 'action')).toBe('https://duckduckgo.com/');
    expect(await search.locator('form.search-form input[type="hidden"]').evaluateAll((fields) => fields.map((f) => [f.getAttribute('name'), f.getAttribute('value')]))).toEqual([['sites', 'example.org']]);
    expect(await search.locator('.search-page__note').textContent()).toContain('this form searches the site with DuckDuckGo');
    const links = await search.locator('.search-page__note a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/news/tags/', '/news/categories/']);
  });
});
