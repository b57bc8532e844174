import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, hasChromium, openChromium, serveSampleSite } from '../support/browser.js';

// The sample site's article with a photograph as its hero, opened on a phone
// (390×844 CSS pixels at 3× density): the browser picks a screen-sized AVIF
// from the <picture>, not the 2400-pixel JPEG, and the whole page (HTML, CSS,
// scripts, pictures) stays under 150 KB.

const article = '/news/2026/10/rescue-ships-detained-central-mediterranean/';

describe.skipIf(!hasChromium)('a photo hero on a phone', () => {
  let site: Awaited<ReturnType<typeof serveSampleSite>>;
  let browser: ChromiumSession;

  beforeAll(async () => {
    site = await serveSampleSite();
    browser = openChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads a screen-sized AVIF and under 150 KB in all', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const bytes = new Map<string, number>();
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      bytes.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize);
    });
    await page.goto(`${site.origin}${article}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const hero = await page.locator('.article__figure img').evaluate((img: HTMLImageElement) => ({
      currentSrc: img.currentSrc,
      complete: img.complete && img.naturalWidth > 0,
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      fetchpriority: img.getAttribute('fetchpriority'),
    }));
    expect(hero).toMatchObject({ complete: true, width: '2400', height: '1600', fetchpriority: 'high' });
    expect(hero.currentSrc).toMatch(/\/images\/harbour-dawn\.1200w\.[0-9a-f]{10}\.avif$/);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect([...bytes.keys()].some((url) => url.endsWith('/harbour-dawn.jpg'))).toBe(false);
    expect(total, [...bytes].map(([url, n]) => `${n} ${url}`).join('\n')).toBeLessThan(150 * 1024);
    console.info(`article with photo hero on a 390 px phone: ${(total / 1024).toFixed(1)} KB over ${bytes.size} requests`);
    await context.close();
  });
});
