import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initSite } from '../../src/cli/init-command.js';
import { serveSite } from '../../src/dev/serve-site.js';
import { silentLogger } from '../../src/log.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { runMain } from '../support/temp-site.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'migrant-init-'));
  dirs.push(dir);
  return dir;
};

const cli = (cwd: string, ...args: string[]) => runMain(cwd, args);

const starterFiles = ['site.config.json', 'content/posts/our-first-story.md', 'content/authors/editor.md', 'content/pages/about.md'];

describe('migrant-site init', () => {
  it('writes a site that builds with the built-in theme, with zero diagnostics, and serves', async () => {
    const dir = join(tempDir(), 'newsroom');
    expect(await initSite(dir, '2024-05-02')).toEqual(starterFiles);
    expect(existsSync(join(dir, 'templates'))).toBe(false);
    const now = new Date('2024-06-01T00:00:00Z');
    const result = await runBuild({ configPath: join(dir, 'site.config.json'), now, logger: silentLogger, workers: 0, cache: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.summary).toMatchObject({ posts: 1 });
    const page = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
    expect(page('2024/05/our-first-story/index.html')).toContain('<h1 class="article__title">Our first story</h1>');
    expect(page('author/editor/index.html')).toContain('The Editor');
    expect(page('about/index.html')).toContain('<h1 class="page__title">About</h1>');
    expect(page('index.html')).toContain('href="/about/"');

    const running = await serveSite({ configPath: join(dir, 'site.config.json'), now, logger: silentLogger, port: 0, host: '127.0.0.1', watch: false, workers: 0, report: () => undefined });
    try {
      const response = await fetch(`${running!.url}2024/05/our-first-story/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Our first story');
    } finally {
      await running!.close();
    }
  }, 60_000);

  it('prints what it wrote and the next commands, and refuses to overwrite on a second run', async () => {
    const cwd = tempDir();
    const first = await cli(cwd, 'init', 'desk');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(starterFiles.map((f) => `created desk/${f}\n`).join(''));
    expect(first.stdout).toContain('  cd desk\n  npx migrant-site serve --watch');
    expect(first.stdout).toContain('  npx migrant-site build ');
    const before = readFileSync(join(cwd, 'desk/content/posts/our-first-story.md'), 'utf8');
    expect(before).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);

    const second = await cli(cwd, 'init', 'desk');
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`error MS001 ${starterFiles.join(', ')} already exist in desk; init writes a new site and never overwrites`);
    expect(second.stderr).toContain('hint: run it in an empty folder: migrant-site init my-site');
    expect(readFileSync(join(cwd, 'desk/content/posts/our-first-story.md'), 'utf8')).toBe(before);
  }, 60_000);

  it('writes nothing into a folder that already has one of its files', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'site.config.json'), '{ "title": "Existing" }\n');
    const result = await cli(cwd, 'init');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error MS001 site.config.json already exists in this folder;');
    expect(readdirSync(cwd)).toEqual(['site.config.json']);
    expect(readFileSync(join(cwd, 'site.config.json'), 'utf8')).toBe('{ "title": "Existing" }\n');
  }, 60_000);
});
