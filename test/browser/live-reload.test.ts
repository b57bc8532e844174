import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/dev/serve-site.js';
import { serveSite } from '../../src/dev/serve-site.js';
import { type ChromiumSession, hasChromium, openChromium } from '../support/browser.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// An editor's loop, as a reader sees it: save, and the open page changes.
// Every wait is on a condition with a generous limit: on a loaded machine a
// rebuild can take many seconds, and nothing here depends on how many.
const waitMs = 90_000;
describe.skipIf(!hasChromium)('serve --watch in a browser', () => {
  let site: FixtureCopy;
  let running: RunningServer;
  let browser: ChromiumSession;
  // What the server printed, shown when a step times out.
  const log: string[] = [];
  const logger = { info: (m: string) => log.push(m), debug: () => undefined, warn: (m: string) => log.push(m), error: (m: string) => log.push(m) };
  const step = async <T>(name: string, work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (e) {
      throw new Error(`${name}: ${(e as Error).message}\nserver log:\n${log.join('\n')}`);
    }
  };

  beforeAll(async () => {
    site = copyFixture('newsroom');
    running = (await serveSite({
      configPath: `${site.root}/site.config.json`,
      now: new Date('2024-11-10T12:00:00Z'),
      logger,
      port: 0,
      host: '127.0.0.1',
      watch: true,
      report: () => undefined,
    }))!;
    browser = openChromium();
  }, waitMs);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    site?.cleanup();
  });

  it('shows an edit without a manual reload, then an error overlay, then clears it', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.url}2024/11/lesbos-arrivals/`);
    await expect.poll(() => page.textContent('h1'), { timeout: waitMs }).toContain('Arrivals rise on Lesbos');
    await page.waitForSelector('html[data-live-reload="connected"]', { timeout: waitMs });

    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather opened a window for crossings.', 'Calm weather and a new moon opened a window.'));
    await step('edit shown', page.waitForSelector('text=a new moon opened a window', { timeout: waitMs }));

    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('title: Arrivals rise on Lesbos', 'title: "Arrivals rise on Lesbos'));
    const overlay = (await step('overlay shown', page.waitForSelector('#__migrant-error', { timeout: waitMs })))!;
    expect(await overlay.textContent()).toMatch(/content\/posts\/lesbos-arrivals\.md:\d+:\d+ error MS\d+/);
    expect(await page.textContent('h1')).toContain('Arrivals rise on Lesbos');
    // A page opened while the site is broken shows the error too, and keeps it after the search index is refreshed.
    const late = await browser.newPage();
    await late.goto(`${running.url}2024/11/lesbos-arrivals/`);
    await step('overlay on a page opened later', late.waitForSelector('#__migrant-error', { timeout: waitMs }));
    await running.idle();
    expect(await page.$('#__migrant-error')).not.toBeNull();

    site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('title: "Arrivals rise on Lesbos', 'title: Arrivals surge on Lesbos'));
    await step('overlay gone', page.waitForSelector('#__migrant-error', { state: 'detached', timeout: waitMs }));
    await expect.poll(() => page.textContent('h1'), { timeout: waitMs }).toContain('Arrivals surge on Lesbos');
    await step('overlay gone on the later page', late.waitForSelector('#__migrant-error', { state: 'detached', timeout: waitMs }));
  }, 4 * waitMs);
});
