import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, hasChromium, openChromium, serveSampleSite } from '../support/browser.js';

// The built sample site served with the headers of its own `_headers` file (the
// dev server applies them as Netlify and Cloudflare Pages would): no page type
// may break its Content-Security-Policy, with the theme's scripts and Pagefind's
// WebAssembly search running.

const pages: [string, string][] = [
  ['home', '/news/'],
  ['article', '/news/2026/11/catania-smuggling-trial-opens/'],
  ['static page', '/news/about/'],
  ['category', '/news/category/italy/'],
  ['tag', '/news/tag/asylum/'],
  ['all tags', '/news/tags/'],
  ['all categories', '/news/categories/'],
  ['author', '/news/author/daniel-okafor/'],
  ['all authors', '/news/authors/'],
  ['not found', '/news/no-such-page/'],
];

describe.skipIf(!hasChromium)('the Content-Security-Policy of _headers in a browser', () => {
  let site: Awaited<ReturnType<typeof serveSampleSite>>;
  let browser: ChromiumSession;
  let origin: string;

  beforeAll(async () => {
    site = await serveSampleSite();
    origin = site.origin;
    browser = openChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  // One page goes from one page type to the next, as a reader would; each visit starts a fresh list of violations.
  let page: Page;
  let violations: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  });

  /** Opens a page; `violations` then lists the CSP violations it reports (console and securitypolicyviolation events). */
  async function open(path: string): Promise<void> {
    // A blank page first: nothing the previous page still reports can count against this one.
    await page.goto('about:blank');
    violations = [];
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  }

  it.each(pages)('%s (%s) loads with no violation', async (_, path) => {
    await open(path);
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  it('search runs (header box, then Pagefind results in its worker) with no violation', async () => {
    await open('/news/');
    await page.click('[data-search-open]');
    await expect.poll(() => page.locator('#search-dialog').isVisible()).toBe(true);
    await page.keyboard.type('Catania');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${origin}/news/search/?q=Catania`);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    expect(await page.locator('.pagefind-ui__result-link').first().textContent()).toContain('Catania');
    expect(violations).toEqual([]);
  });
});
