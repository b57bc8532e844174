import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, hasChromium, openChromium, serveSampleSite } from '../support/browser.js';
import { articleWithHero, desktop, pageTypes, phone, settled } from './reader-pages.js';

// axe-core on every page type of the sample site, at desktop and phone widths,
// and with the search box open and the phone menu open: no violations.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

describe.skipIf(!hasChromium)('accessibility (axe-core) of every page type', () => {
  let site: Awaited<ReturnType<typeof serveSampleSite>>;
  let browser: ChromiumSession;
  // One page, led from one page type to the next as a reader would: a fresh context costs more than an audit.
  let page: Page;

  beforeAll(async () => {
    site = await serveSampleSite();
    browser = openChromium();
    // The site's CSP allows no inline scripts; axe is injected as one.
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    page.setDefaultTimeout(60_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, viewport: { width: number; height: number }): Promise<void> {
    await page.setViewportSize(viewport);
    await page.goto(`${site.origin}${path}`);
    await settled(page);
    await page.addScriptTag({ content: axeSource });
  }

  /**
   * The open page at another width: the theme's script sets nothing up by width (the CSS alone lays the page
   * out for a phone), so a resized page is the page as loaded at that width, without loading it again.
   */
  async function resize(viewport: { width: number; height: number }): Promise<void> {
    await page.setViewportSize(viewport);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => innerWidth)).toBe(viewport.width);
  }

  const audit = (): Promise<Violation[]> =>
    page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const { violations } = await axe.run(document, { resultTypes: ['violations'] });
      return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    });

  async function openSearchBox(): Promise<void> {
    await page.click('[data-search-open]');
    await page.locator('#search-dialog').waitFor({ state: 'visible' });
  }

  it.each(pageTypes)('%s (%s): no violations at desktop and phone widths', async (_type, path) => {
    await open(path, desktop);
    expect({ width: 'desktop', violations: await audit() }).toEqual({ width: 'desktop', violations: [] });
    await resize(phone);
    expect({ width: 'phone', violations: await audit() }).toEqual({ width: 'phone', violations: [] });
  });

  // The search box is one partial (header.hbs), the same on every page, opened with showModal(), which makes the
  // rest of the page inert rather than changing it: auditing it open on one page covers it on all of them.
  it('has no violations with the search box open, at phone and desktop widths', async () => {
    await open(articleWithHero, phone);
    await openSearchBox();
    expect({ width: 'phone', violations: await audit() }).toEqual({ width: 'phone', violations: [] });
    await resize(desktop);
    expect({ width: 'desktop', violations: await audit() }).toEqual({ width: 'desktop', violations: [] });
  });

  it('has no violations with the phone menu open', async () => {
    await open('/news/', phone);
    await page.click('.menu-toggle');
    await page.locator('#site-menu').waitFor({ state: 'visible' });
    expect(await audit()).toEqual([]);
  });
});
