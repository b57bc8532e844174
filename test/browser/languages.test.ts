import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createStaticServer } from '../../src/dev/create-static-server.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { type ChromiumSession, hasChromium, openChromium } from '../support/browser.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// What readers see of test/fixtures/languages in Chromium: Greek capitals
// without accents where the theme uppercases (CSS text-transform with the
// right lang), an Arabic article laid out right to left inside an English page.

describe.skipIf(!hasChromium)('languages and scripts in a browser', () => {
  let site: FixtureCopy;
  let server: ReturnType<typeof createStaticServer>;
  let browser: ChromiumSession;
  let origin: string;

  beforeAll(async () => {
    site = copyFixture('languages', { ownTemplates: false });
    const { config } = await loadConfig(join(site.root, 'site.config.json'));
    await createSiteBuilder({ root: site.root, config, now: new Date('2024-12-01T00:00:00Z'), logger: silentLogger }).build();
    server = createStaticServer({ dir: join(site.root, 'dist'), basePath: '/', host: '127.0.0.1' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = openChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    site?.cleanup();
  });

  // One tab led from page to page: a new page costs Chromium about a CPU-second, a navigation a fifth of that.
  let tab: Promise<Page> | undefined;
  async function open(path: string) {
    tab ??= browser.newPage();
    const page = await tab;
    await page.goto(origin + path);
    return page;
  }

  it('uppercases a Greek category label without accents, in the Greek article and in an English list', async () => {
    const article = await open(`/2024/11/${encodeURIComponent('η-ελλάδα-εξετάζει-νέους-κανόνες-για-τις-αιτήσεις')}/`);
    expect(await article.locator('article .label.kicker').innerText()).toBe('ΜΕΤΑΝΑΣΤΕΥΣΗ');
    const home = await open('/');
    expect(await home.locator('.card .label.kicker[lang="el"]').first().innerText()).toBe('ΜΕΤΑΝΑΣΤΕΥΣΗ');
  });

  it('lays out the Arabic article right to left while the page around it stays left to right', async () => {
    const page = await open(`/2024/11/${encodeURIComponent('مخيم-على-الحدود-يستعد-للشتاء')}/`);
    const directions = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).direction,
      article: getComputedStyle(document.querySelector('article.article')!).direction,
      // The headline's text (not its box, which fills the line either way) hugs the right edge, short of the left.
      title: (() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('.article__title')!);
        const text = range.getBoundingClientRect();
        const article = document.querySelector('article.article')!.getBoundingClientRect();
        return Math.abs(article.right - text.right) < 2 && text.left - article.left > 50 ? 'starts at the right edge' : 'does not';
      })(),
    }));
    expect(directions).toEqual({ page: 'ltr', article: 'rtl', title: 'starts at the right edge' });
  });
});
