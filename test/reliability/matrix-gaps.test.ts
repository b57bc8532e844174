import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkOutputPaths } from '../../src/routes/check-output-paths.js';
import { article, createTempSite, repoRoot, type TempSite } from '../support/temp-site.js';
import { bin, start, waitFor } from './processes.js';

// The dev-server tests run the CLI in child processes (signals, the bound address): on a loaded machine one start can take many seconds.
vi.setConfig({ testTimeout: 240_000 });

// Rows of ../shared/RELIABILITY.md that had no test of their own.

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

describe('row 20: case-only and NFC/NFD twins', () => {
  it('are one output path, reported naming both sources, whatever the disk', () => {
    const twins = checkOutputPaths([
      { outputPath: 'About/index.html', url: '/About/', origin: 'content/pages/About.md' },
      { outputPath: 'about/index.html', url: '/about/', origin: 'content/pages/about.md' },
      { outputPath: 'caf\u00e9/index.html', url: '/caf\u00e9/', origin: 'content/pages/a.md' },
      { outputPath: 'cafe\u0301/index.html', url: '/cafe\u0301/', origin: 'content/pages/b.md' },
    ]);
    expect(twins.map((d) => [d.code, d.message])).toEqual([
      ['MS302', '2 pages would be written to About/index.html: content/pages/About.md, content/pages/about.md'],
      ['MS302', '2 pages would be written to caf\u00e9/index.html: content/pages/a.md, content/pages/b.md'],
    ]);
  });
});

describe('row 29: a render error in one article of many', () => {
  it('leaves the previous output byte-identical, no temp folder, exit 1, naming the article', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`content/posts/p${i}.md`] = article({ title: `Report ${i}`, date: '2024-11-06' });
    const s = createTempSite(files, { config: { search: { enabled: false } } });
    sites.push(s);
    // A template error that only a featured article reaches, so the first build is good.
    s.write('templates/layouts/post.hbs', `${readFileSync(join(repoRoot, 'theme/layouts/post.hbs'), 'utf8')}{{#if post.featured}}{{shareUrl "myspace" post}}{{/if}}`);
    const now = '--now=2024-11-10T12:00:00Z';
    expect((await s.main('build', now)).code).toBe(0);
    const before = Object.fromEntries(s.list().map((f) => [f, s.read(`dist/${f}`)]));
    s.write('content/posts/p30.md', article({ title: 'Report 30', date: '2024-11-06', featured: true }));
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/templates\/layouts\/post\.hbs.* error MS402 .*content\/posts\/p30\.md/);
    expect(Object.fromEntries(s.list().map((f) => [f, s.read(`dist/${f}`)]))).toEqual(before);
    expect(readdirSync(s.root).filter((f) => f.startsWith('.dist'))).toEqual([]);
  }, 240_000);
});

describe('dev-server rules 1 and 11 as a user meets them', () => {
  const now = '--now=2024-11-10T12:00:00Z';
  function site(): TempSite {
    const s = createTempSite({ 'content/posts/a.md': article({ title: 'A', date: '2024-11-06' }) }, { config: { search: { enabled: false } } });
    sites.push(s);
    return s;
  }

  it('binds 127.0.0.1 by default; SIGTERM closes it and exits 0 with nothing left beside the output', async () => {
    const s = site();
    const serve = start([bin, 'serve', now, '--port', '0'], s.root);
    await waitFor(() => serve.output().includes('serving http') || serve.child.exitCode !== null, 'the server to listen');
    expect(serve.output()).toMatch(/serving http:\/\/127\.0\.0\.1:\d+\//);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(readdirSync(s.root).filter((f) => f.startsWith('.dist'))).toEqual([]);
  }, 240_000);

  it('warns that drafts and embargoed articles become reachable when bound to 0.0.0.0', async () => {
    const s = site();
    const serve = start([bin, 'serve', now, '--port', '0', '--host', '0.0.0.0', '--drafts'], s.root);
    await waitFor(() => serve.output().includes('serving http') || serve.child.exitCode !== null, 'the server to listen');
    expect(serve.output()).toContain('warning: serving on 0.0.0.0 makes the site reachable from your network, including drafts and embargoed articles');
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);
  }, 240_000);
});
