import type { Page } from 'playwright-core';

// Every page type of the sample site (built under /news/ by serveSampleSite),
// as the axe and layout tests visit them.

export const articleWithHero = '/news/2026/09/canary-islands-unaccompanied-minors/';
export const articleWithoutHero = '/news/2026/11/catania-smuggling-trial-opens/';

export const pageTypes: [string, string][] = [
  ['home', '/news/'],
  ['home, page 2', '/news/page/2/'],
  ['article with a hero', articleWithHero],
  ['article without a hero', articleWithoutHero],
  ['static page', '/news/about/'],
  ['category', '/news/category/europe/'],
  ['tag', '/news/tag/asylum/'],
  ['all tags', '/news/tags/'],
  ['all categories', '/news/categories/'],
  ['author', '/news/author/amina-yusuf/'],
  ['all authors', '/news/authors/'],
  ['search results', '/news/search/?q=Catania'],
  ['not found', '/news/no-such-page/'],
];

/** The list page types, whose main column and sidebar are compared. */
export const listPages = pageTypes.filter(([type]) => /^(home|category|tag|author)/.test(type));

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** A story's path under /news/. */
export const storyPath = /^\/news\/\d{4}\/\d{2}\/[^/]+\/$/;

/** Links to stories on the page as it is now, by place: the Read More link repeats its card's headline link and is not counted. */
export const storyLinks = (page: Page): Promise<{ href: string; place: string }[]> =>
  page.evaluate((pattern) => {
    const story = new RegExp(pattern);
    return [...document.querySelectorAll<HTMLAnchorElement>('a[href]:not(.read-more)')]
      .filter((a) => !a.getAttribute('href')!.startsWith('#') && story.test(new URL(a.href).pathname))
      .map((a) => ({ href: new URL(a.href).pathname, place: a.closest('.trending, .widget, main')?.className.split(' ')[0] ?? 'elsewhere' }));
  }, storyPath.source);

/** Links to stories repeated on the page at `path`, and links to that page itself: both should be empty. */
export function repeatsAndSelfLinks(path: string, links: { href: string; place: string }[]) {
  const hrefs = links.map((l) => l.href);
  return { path, twice: links.filter((l, i) => hrefs.indexOf(l.href) !== i), self: links.filter((l) => l.href === path.replace(/\?.*/, '')) };
}

/** Waits until what the page loads by itself is in: images, fonts, and search results on the search page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  if (page.url().includes('/search/?q=')) await page.locator('.pagefind-ui__result').first().waitFor();
  await page.evaluate(async () => {
    await document.fonts.ready;
    const loaded = (img: HTMLImageElement) =>
      new Promise((done) => {
        img.addEventListener('load', done, { once: true });
        img.addEventListener('error', done, { once: true });
      });
    // Lazy images below the fold never load by themselves.
    await Promise.all([...document.images].filter((img) => !img.complete && img.loading !== 'lazy').map(loaded));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}
