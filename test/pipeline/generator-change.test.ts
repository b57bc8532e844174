import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../support/fixture-site.js';
import { repoRoot } from '../support/temp-site.js';

// Issue 10, defect 1: the caches were keyed on package.json's version, so a
// changed helper left a warm build (`.cache/` and `dist/` kept, as in CI)
// serving pages made by the old code. This runs a copy of the compiled
// generator (lib/, compiled from the current source by the test setup),
// changes one helper in it, and expects the warm build to equal a cold one.

const generator = mkdtempSync(join(tmpdir(), 'migrant-generator-'));
const site = copyFixture('newsroom');
afterAll(() => {
  rmSync(generator, { recursive: true, force: true });
  site.cleanup();
});

for (const part of ['lib', 'bin', 'theme', 'package.json']) cpSync(join(repoRoot, part), join(generator, part), { recursive: true });
symlinkSync(join(repoRoot, 'node_modules'), join(generator, 'node_modules'), 'dir');

const build = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(generator, 'bin/migrant-site.js'), 'build', '--now', '2024-11-10T12:00:00Z', '--workers', '0', ...args], { cwd: site.root });
  return stdout;
};

describe('a change to the generator code', () => {
  it('is never served from the caches of the previous code', async () => {
    await build();
    const helper = join(generator, 'lib/render/helpers/share-url.js');
    const changed = readFileSync(helper, 'utf8').replace('https://www.facebook.com/sharer/', 'https://m.facebook.com/sharer/');
    expect(changed).toContain('https://m.facebook.com/sharer/');
    writeFileSync(helper, changed);

    expect(await build()).toMatch(/built \d+ pages/);
    expect(site.read('dist/2024/11/lesbos-arrivals/index.html')).toContain('https://m.facebook.com/sharer/');
    await build('--no-cache', '--out', 'dist-cold');
    expect(site.snapshot('dist')).toEqual(site.snapshot('dist-cold'));
  }, 120_000);
});
