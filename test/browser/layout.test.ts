import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, hasChromium, openChromium, sampleSiteDir, serveSampleSite } from '../support/browser.js';
import { builtPage, hasClass, placeOf, sitemapPaths } from './built-pages.js';
import { articleWithHero, articleWithoutHero, desktop, listPages, pageTypes, phone, repeatsAndSelfLinks, settled, storyPath } from './reader-pages.js';

// What the reader's page promises, measured in Chromium on the sample site:
// widgets never point at the page itself and show a story once, every
// trending headline can be reached, nothing shifts while the page loads,
// the standfirst is never the first paragraph again, the first screen of a
// phone shows the story, and the sidebar leaves no hole beside a list.
// What the built markup alone decides (links, standfirsts) is read from the
// built files of every page; what needs layout or scripts, in Chromium. The
// links Pagefind adds to the search page are checked in search.test.ts.

/** Every story page of the built sample site, from its sitemap. */
const articlesOf = (dir: string) => sitemapPaths(dir).filter((path) => storyPath.test(path));

/** Links to stories in a page's markup, by place: the Read More link repeats its card's headline link and is not counted. */
function storyLinksIn(dir: string, path: string): { href: string; place: string }[] {
  const page = builtPage(dir, path);
  return page
    .all((el) => el.name === 'a' && el.attribs.href !== undefined && !hasClass(el, 'read-more'))
    .filter((a) => !a.attribs.href.startsWith('#'))
    .map((a) => ({ href: new URL(a.attribs.href, `https://example.org${path}`).pathname, place: placeOf(a, ['trending', 'widget']) }))
    .filter((l) => storyPath.test(l.href));
}

describe('the reader\'s page markup', () => {
  let dir: string;
  let articles: string[];
  beforeAll(async () => {
    dir = await sampleSiteDir();
    articles = articlesOf(dir);
  }, 360_000);

  it('links no page to itself from a widget and shows no story twice on one page', () => {
    expect(articles.length).toBeGreaterThan(10);
    for (const path of [...pageTypes.map(([, p]) => p), ...articles]) {
      expect(repeatsAndSelfLinks(path, storyLinksIn(dir, path))).toEqual({ path, twice: [], self: [] });
    }
  });

  it('never repeats the first paragraph as the standfirst', () => {
    let standfirsts = 0;
    for (const path of articles) {
      const page = builtPage(dir, path);
      const standfirst = page.first((el) => hasClass(el, 'article__standfirst'));
      const first = page.first((el) => el.name === 'p' && hasClass(el.parent, 'prose'));
      if (standfirst) standfirsts++;
      expect({ path, same: standfirst && first ? page.text(standfirst) === page.text(first) : standfirst === first }).toEqual({ path, same: false });
    }
    // Some sample articles have a summary written by an editor, some do not.
    expect(standfirsts).toBeGreaterThan(0);
    expect(standfirsts).toBeLessThan(articles.length);
  });
});

describe.skipIf(!hasChromium)('the reader\'s page layout', () => {
  let site: Awaited<ReturnType<typeof serveSampleSite>>;
  let browser: ChromiumSession;
  let articles: string[];

  beforeAll(async () => {
    site = await serveSampleSite();
    browser = openChromium();
    articles = articlesOf(site.dir);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, viewport: { width: number; height: number }, options: { hasTouch?: boolean } = {}): Promise<Page> {
    const page = await readerPage(viewport, options);
    await visit(page, path);
    return page;
  }

  // One tab (and one with touch for the swipes), led from test to test as a reader's: a new page costs Chromium
  // about a CPU-second, a navigation a fifth of that. Each load starts a new document, with its own shift count.
  const tabs = new Map<boolean, Promise<Page>>();
  async function readerPage(viewport: { width: number; height: number }, options: { hasTouch?: boolean } = {}): Promise<Page> {
    const touch = options.hasTouch ?? false;
    if (!tabs.has(touch)) tabs.set(touch, openTab(touch));
    const page = await tabs.get(touch)!;
    await page.setViewportSize(viewport);
    return page;
  }

  async function openTab(hasTouch: boolean): Promise<Page> {
    const page = await (await browser.newContext({ hasTouch })).newPage();
    page.setDefaultTimeout(60_000);
    // Counted from the first paint; shifts right after a click or key press are the reader's doing.
    await page.addInitScript(() => {
      const w = window as unknown as { layoutShift: number; shifted: string[] };
      w.layoutShift = 0;
      w.shifted = [];
      // What moved, named for the failure message.
      const name = (node: Node | null) => (node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}` : String(node?.nodeName));
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] }>) {
          if (entry.hadRecentInput) continue;
          w.layoutShift += entry.value;
          w.shifted.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map((s) => name(s.node)).join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    return page;
  }

  /**
   * Loads `path` into `page` and waits until it has settled. `imagesAfterPaint` holds every image until the
   * page has painted, as a slow connection does, and returns how many it held: routing turns the browser's
   * cache off, so a page visited after another fetches its images again.
   */
  async function visit(page: Page, path: string, imagesAfterPaint = false): Promise<number> {
    if (!imagesAfterPaint) {
      await page.goto(`${site.origin}${path}`);
      await settled(page);
      return 0;
    }
    const held: Route[] = [];
    let painted = false;
    const images = /\.(avif|webp|jpe?g|png|gif|svg)$/;
    const hold = (route: Route) => (painted ? route.continue() : void held.push(route));
    await page.route(images, hold);
    await page.goto(`${site.origin}${path}`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    painted = true;
    await Promise.all(held.map((route) => route.continue()));
    await settled(page);
    await page.unroute(images, hold);
    return held.length;
  }

  it('has every configured trending headline in the strip, with its long date', async () => {
    // The all-tags page lists no story of its own, so the strip has all six of the config's trending stories.
    const page = await open('/news/tags/', desktop);
    expect(await page.locator('.trending__list a').count()).toBe(6);
    for (const date of await page.locator('.trending__list time').allTextContents()) expect(date).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
  });

  /** Whether the whole of `selector`'s box is inside the strip's visible box. */
  const inStrip = (page: Page, index: number) =>
    page.evaluate((i) => {
      const strip = document.querySelector('.trending__list')!.getBoundingClientRect();
      const item = document.querySelectorAll('.trending__list li')[i].getBoundingClientRect();
      return item.left >= strip.left - 1 && item.right <= strip.right + 1;
    }, index);

  // A swipe or press keeps the strip moving for a while: the last item may still be on its way in when checked, and the strip then stops at its end.
  const scrolled = (page: Page) => page.locator('.trending__list').evaluate((s) => ({ left: s.scrollLeft, atEnd: s.scrollLeft >= s.scrollWidth - s.clientWidth - 1 }));

  it('brings every trending headline into view with the keyboard', async () => {
    for (const viewport of [desktop, phone]) {
      const page = await open('/news/tags/', viewport);
      const links = page.locator('.trending__list a');
      await page.locator('.skip-link').focus();
      for (let i = 0; i < (await links.count()); i++) {
        // Tab until this headline has focus: it is in the tab order, and then wholly visible.
        for (let presses = 0; presses < 30 && !(await links.nth(i).evaluate((a) => a === document.activeElement)); presses++) await page.keyboard.press('Tab');
        expect({ viewport, i, focused: await links.nth(i).evaluate((a) => a === document.activeElement) }).toEqual({ viewport, i, focused: true });
        await expect.poll(() => inStrip(page, i), { timeout: 30_000 }).toBe(true);
      }
      }
  });

  it('brings every trending headline into view with the mouse (buttons) and touch (swipes)', async () => {
    const desk = await open('/news/tags/', desktop);
    const count = await desk.locator('.trending__list li').count();
    for (let presses = 0; presses < count && !(await inStrip(desk, count - 1)); presses++) {
      const before = await scrolled(desk);
      if (before.atEnd) break;
      await desk.click('[data-trending-step="1"]');
      await expect.poll(async () => (await scrolled(desk)).left, { timeout: 30_000 }).toBeGreaterThan(before.left);
    }
    // The buttons scroll smoothly: the last press may still be moving the strip.
    await expect.poll(() => inStrip(desk, count - 1), { timeout: 30_000 }).toBe(true);

    const touch = await open('/news/tags/', phone, { hasTouch: true });
    const cdp = await touch.context().newCDPSession(touch);
    const box = (await touch.locator('.trending__list').boundingBox())!;
    const y = Math.round(box.y + box.height / 2);
    for (let swipes = 0; swipes < 3 * count && !(await inStrip(touch, count - 1)); swipes++) {
      // A finger drawn from the strip's end towards its start.
      const before = await scrolled(touch);
      if (before.atEnd) break;
      let x = Math.round(box.x + box.width - 10);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let step = 0; step < 10; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: (x -= Math.round(box.width / 20)), y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(async () => (await scrolled(touch)).left, { timeout: 30_000 }).toBeGreaterThan(before.left);
    }
    await expect.poll(() => inStrip(touch, count - 1), { timeout: 30_000 }).toBe(true);
    await cdp.detach();
  });

  it('does not shift while loading, nor when the phone menu opens and closes (total under 0.01)', async () => {
    for (const viewport of [desktop, phone]) {
      // One page per width, led from one page to the next; each load counts its own shifts.
      const page = await readerPage(viewport);
      for (const path of ['/news/', articleWithHero, articleWithoutHero, '/news/category/europe/']) {
        // At least the masthead's logo waited for the first paint.
        expect({ path, viewport, heldImages: (await visit(page, path, true)) > 0 }).toEqual({ path, viewport, heldImages: true });
        if (viewport === phone) {
          await page.click('.menu-toggle');
          await page.locator('#site-menu').waitFor({ state: 'visible' });
          await page.click('[data-menu-close]');
          await page.locator('#site-menu').waitFor({ state: 'hidden' });
        }
        const { layoutShift: shift, shifted } = await page.evaluate(() => {
          const w = window as unknown as { layoutShift: number; shifted: string[] };
          return { layoutShift: w.layoutShift, shifted: w.shifted };
        });
        expect({ path, viewport, shift: shift < 0.01 ? 'under 0.01' : { shift, shifted } }).toEqual({ path, viewport, shift: 'under 0.01' });
      }
      }
  });

  it('shows the story on the first screen of a 390×844 phone: a line of body text, or the top of the hero', async () => {
    // One page for every article, as a reader following links would.
    const page = await readerPage(phone);
    for (const path of articles) {
      // Where things are once laid out, before pictures arrive: their boxes come from width and height (the
      // layout-shift test above holds them until the page has painted), so waiting to decode them proves nothing.
      await page.goto(`${site.origin}${path}`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      });
      const { hero, text } = await page.evaluate(() => ({
        hero: document.querySelector('.article__figure img')?.getBoundingClientRect().top,
        text: document.querySelector('.prose > p')?.getBoundingClientRect().top,
      }));
      // A line of body text is about 30 px high.
      const top = hero ?? text! + 30;
      expect({ path, onFirstScreen: top <= phone.height }).toEqual({ path, onFirstScreen: true });
    }
    await visit(page, articleWithHero);
    expect(await page.locator('.article__figure img').count()).toBe(1);
  });

  it('keeps the sidebar no taller than the main column on every list page type', async () => {
    const page = await readerPage(desktop);
    for (const [type, path] of listPages) {
      await visit(page, path);
      const height = (selector: string) =>
        page.locator(selector).evaluate((el) => Math.max(...[...el.children].map((c) => c.getBoundingClientRect().bottom)) - el.getBoundingClientRect().top);
      const [main, sidebar] = [await height('main'), await height('.sidebar')];
      expect({ type, sidebarFits: sidebar <= main }).toEqual({ type, sidebarFits: true });
    }
  });
});
