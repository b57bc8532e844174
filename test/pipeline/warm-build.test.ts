import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';

// A build that finds the last build's state re-renders only what changed and
// links the rest from the previous output: the result must equal a cold build,
// with and without --drafts and --future (which show badges on list pages).
// The generator-code step is test/pipeline/generator-change.test.ts.
let site: FixtureCopy;
afterEach(() => site?.cleanup());

type Flags = { drafts?: boolean; future?: boolean };
const build = (now: string, flags: Flags, more: { outDir?: string; cache?: boolean } = {}) =>
  runBuild({ configPath: `${site.root}/site.config.json`, now: new Date(now), logger: silentLogger, workers: 0, ...flags, ...more });
const cold = async (now: string, flags: Flags) => {
  await build(now, flags, { outDir: 'dist-cold', cache: false });
  return site.snapshot('dist-cold');
};

const steps: [string, (s: FixtureCopy) => void, string][] = [
  ['body edit', (s) => s.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather', 'Calm seas')), '2024-11-10T12:00:00Z'],
  ['tag rename', (s) => s.edit('content/posts/chios-returns.md', (t) => t.replace('deportation, detention', 'returns, detention')), '2024-11-10T12:00:00Z'],
  ['deleted article', (s) => s.remove('content/posts/samos-camp.md'), '2024-11-10T12:00:00Z'],
  ['template edit', (s) => s.edit('templates/partials/footer.hbs', (t) => `${t}<!-- footer edited -->`), '2024-11-10T12:00:00Z'],
  ['partial only (card badges)', (s) => s.edit('templates/partials/category-label.hbs', (t) => t.replace('Draft</span>', 'Draft copy</span>')), '2024-11-10T12:00:00Z'],
  ['draft published', (s) => s.edit('content/posts/draft-story.md', (t) => t.replace('draft: true', 'draft: false')), '2024-11-10T12:00:00Z'],
  ['next day', () => undefined, '2024-11-11T12:00:00Z'],
  ['embargo lifts', () => undefined, '2024-12-16T09:00:00Z'],
];

describe('warm builds', () => {
  // The plain run keeps search on (its index is reused or remade); the drafts run turns it off for speed.
  it.each([{}, { drafts: true, future: true }])('equal a cold build after each change, writing only what changed (%o)', async (flags: Flags) => {
    site = copyFixture('newsroom', { search: !flags.drafts });
    const now = '2024-11-10T12:00:00Z';
    expect((await build(now, flags)).summary?.pages).toBeGreaterThan(10);
    expect((await build(now, flags)).summary?.written).toBe(0);
    expect(site.snapshot('dist')).toEqual(await cold(now, flags));
    for (const [name, change, when] of steps) {
      change(site);
      expect((await build(when, flags)).summary, name).toBeDefined();
      const expected = await cold(when, flags);
      const actual = site.snapshot('dist');
      expect(Object.keys(actual), name).toEqual(Object.keys(expected));
      for (const file of Object.keys(expected)) expect(actual[file], `${name}: ${file}`).toBe(expected[file]);
    }
  }, 180_000);
});
