import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, serveSampleSite } from '../support/browser.js';
import { desktop, pageTypes, phone, settled } from './reader-pages.js';

// axe-core on every page type of the sample site, at desktop and phone widths,
// with the search box closed and open (and the phone menu open): no violations.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const widths = [['desktop', desktop], ['phone', phone]] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

describe.skipIf(!hasChromium)('accessibility (axe-core) of every page type', () => {
  let site: Awaited<ReturnType<typeof serveSampleSite>>;
  let browser: Browser;
  // One page per width, led from one page type to the next as a reader would (a fresh context costs more than axe).
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    site = await serveSampleSite();
    browser = await launchChromium();
    for (const [width, viewport] of widths) {
      // The site's CSP allows no inline scripts; axe is injected as one.
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      pages.set(width, page);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, width: string): Promise<Page> {
    const page = pages.get(width)!;
    await page.goto(`${site.origin}${path}`);
    await settled(page);
    await page.addScriptTag({ content: axeSource });
    return page;
  }

  const audit = (page: Page): Promise<Violation[]> =>
    page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const { violations } = await axe.run(document, { resultTypes: ['violations'] });
      return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    });

  async function openSearchBox(page: Page): Promise<void> {
    await page.click('[data-search-open]');
    await page.locator('#search-dialog').waitFor({ state: 'visible' });
  }

  it.each(pageTypes)('%s (%s): no violations at desktop and phone widths, search box closed and open', async (_type, path) => {
    for (const [width] of widths) {
      const page = await open(path, width);
      expect({ width, closed: await audit(page) }).toEqual({ width, closed: [] });
      await openSearchBox(page);
      expect({ width, open: await audit(page) }).toEqual({ width, open: [] });
    }
  });

  it('has no violations with the phone menu open', async () => {
    const page = await open('/news/', 'phone');
    await page.click('.menu-toggle');
    await page.locator('#site-menu').waitFor({ state: 'visible' });
    expect(await audit(page)).toEqual([]);
  });
});
