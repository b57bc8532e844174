import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, type FixtureCopy } from '../support/fixture-site.js';
import { repoRoot } from '../support/temp-site.js';

// A build that finds the last build's state re-renders only what changed and
// links the rest from the previous output: the result must equal a cold build.
let site: FixtureCopy;
const build = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'bin/migrant-site.js'), 'build', ...args], { cwd: site.root });
  return stdout;
};
const cold = async (now: string) => {
  await build('--no-cache', '--out', 'dist-cold', '--now', now);
  return site.snapshot('dist-cold');
};

beforeAll(() => {
  site = copyFixture('newsroom');
});
afterAll(() => site.cleanup());

describe('warm builds', () => {
  it('equal a cold build after each change, writing only what changed', async () => {
    const now = '2024-11-10T12:00:00Z';
    expect(await build('--now', now)).toMatch(/built \d+ pages/);
    const again = await build('--now', now);
    expect(again).toMatch(/\(0 files changed\)/);
    expect(site.snapshot('dist')).toEqual(await cold(now));

    const steps: [string, () => void, string][] = [
      ['body edit', () => site.edit('content/posts/lesbos-arrivals.md', (t) => t.replace('Calm weather', 'Calm seas')), now],
      ['tag rename', () => site.edit('content/posts/chios-returns.md', (t) => t.replace('deportation, detention', 'returns, detention')), now],
      ['deleted article', () => site.remove('content/posts/samos-camp.md'), now],
      ['template edit', () => site.edit('templates/partials/footer.hbs', (t) => `${t}<!-- footer edited -->`), now],
      ['next day', () => undefined, '2024-11-11T12:00:00Z'],
      ['embargo lifts', () => undefined, '2024-12-16T09:00:00Z'],
    ];
    for (const [name, change, when] of steps) {
      change();
      await build('--now', when);
      const expected = await cold(when);
      const actual = site.snapshot('dist');
      expect(Object.keys(actual), name).toEqual(Object.keys(expected));
      for (const file of Object.keys(expected)) expect(actual[file], `${name}: ${file}`).toBe(expected[file]);
    }
  }, 120_000);
});
