import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { serveSite, type RunningServer } from '../../src/dev/serve-site.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { runMain } from '../support/temp-site.js';

// A site that starts on the built-in theme and then gains (or loses) its own
// templates: which file wins changes the pages, so every rebuild path must
// notice it and equal a fresh build.

const now = new Date('2024-11-10T12:00:00Z');
let site: FixtureCopy;
let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  site?.cleanup();
});

function themedFixture(): FixtureCopy {
  // Search is indexed apart from rebuilds under serve; without it the output folder settles with the rebuild.
  site = copyFixture('newsroom', { ownTemplates: false, search: false });
  return site;
}

async function freshBuildMatches(): Promise<void> {
  const { config } = await loadConfig(join(site.root, 'site.config.json'));
  const full = await createSiteBuilder({ root: site.root, config: { ...config, outDir: 'dist-full' }, now, logger: silentLogger }).build();
  expect(full.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const actual = site.snapshot('dist');
  const expected = site.snapshot('dist-full');
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const file of Object.keys(expected)) expect(actual[file], file).toBe(expected[file]);
}

const footer = '<footer class="fixture-footer">Printed on the quay</footer>\n';
const postLayout = '<article class="fixture-post"><h1>{{post.title}}</h1>{{> fixture/dateline}}{{{post.html}}}</article>\n';

type Step = [string, (s: FixtureCopy) => string[]];
const steps: Step[] = [
  ['add a partial that overrides a built-in one', (s) => (s.write('templates/partials/footer.hbs', footer), ['templates/partials/footer.hbs'])],
  ['add a layout override with a partial of its own', (s) => {
    s.write('templates/partials/fixture/dateline.hbs', '<p class="dateline">{{formatDate post.date "long"}}</p>');
    s.write('templates/layouts/post.hbs', postLayout);
    return ['templates/partials/fixture/dateline.hbs', 'templates/layouts/post.hbs'];
  }],
  ['edit the site partial', (s) => (s.edit('templates/partials/fixture/dateline.hbs', (t) => t.replace('dateline', 'dateline dateline--long')), ['templates/partials/fixture/dateline.hbs'])],
  ['remove the partial override', (s) => (s.remove('templates/partials/footer.hbs'), ['templates/partials/footer.hbs'])],
  ['add a stylesheet override', (s) => (s.write('templates/assets/css/site.css', 'body { color: navy; }\n'), ['templates/assets/css/site.css'])],
  ['remove the layout override', (s) => (s.remove('templates/layouts/post.hbs'), ['templates/layouts/post.hbs'])],
  ['remove the stylesheet override', (s) => (s.remove('templates/assets/css/site.css'), ['templates/assets/css/site.css'])],
];

describe('overriding the built-in theme', () => {
  it('re-renders what each added, edited or removed override changes, like a fresh build (watch rebuilds)', async () => {
    themedFixture();
    const { config } = await loadConfig(join(site.root, 'site.config.json'));
    const builder = createSiteBuilder({ root: site.root, config, now, logger: silentLogger });
    expect((await builder.build()).summary).toBeDefined();
    const shown: Record<string, (page: string) => boolean> = {
      'add a partial that overrides a built-in one': (page) => page.includes('fixture-footer'),
      'add a layout override with a partial of its own': (page) => page.includes('<article class="fixture-post"><h1>Arrivals rise on Lesbos</h1><p class="dateline">'),
      'remove the partial override': (page) => !page.includes('fixture-footer') && page.includes('fixture-post'),
      'remove the layout override': (page) => !page.includes('fixture-post'),
    };
    for (const [name, step] of steps) {
      const result = await builder.build(new Set(step(site)));
      expect(result.summary, name).toBeDefined();
      if (shown[name]) expect(shown[name](site.read('dist/2024/11/lesbos-arrivals/index.html')), name).toBe(true);
      await freshBuildMatches();
    }
  }, 120_000);

  it('re-renders after an override is added or removed between two CLI builds (warm builds)', async () => {
    themedFixture();
    const cli = (...args: string[]) => runMain(site.root, ['build', '--now', now.toISOString(), ...args]);
    await cli();
    site.write('templates/partials/footer.hbs', footer);
    expect((await cli()).stdout).not.toMatch(/\(0 files changed\)/);
    expect(site.read('dist/index.html')).toContain('fixture-footer');
    await freshBuildMatches();
    site.remove('templates/partials/footer.hbs');
    await cli();
    expect(site.read('dist/index.html')).not.toContain('fixture-footer');
    await freshBuildMatches();
  }, 120_000);

  it('serve --watch notices a templates/ folder created after it started', async () => {
    themedFixture();
    running = await serveSite({ configPath: join(site.root, 'site.config.json'), now, logger: silentLogger, port: 0, host: '127.0.0.1', watch: true, report: () => undefined });
    expect(site.read('dist/index.html')).not.toContain('fixture-footer');
    site.write('templates/partials/footer.hbs', footer);
    await expect.poll(() => site.read('dist/index.html'), { timeout: 60_000, interval: 100 }).toContain('fixture-footer');
    await running!.idle();
    await freshBuildMatches();
  }, 120_000);
});
