import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintAssets } from '../../src/pipeline/fingerprint-assets.js';
import { article, createTempSite, repoRoot, type TempSite } from '../support/temp-site.js';

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

const now = '--now=2026-11-30T12:00:00Z';
const stylesheetOf = (html: string) => /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];

describe('fingerprinted theme assets', () => {
  it('names each theme asset by its content and every page references the named file', async () => {
    const s = createTempSite({ 'content/posts/a.md': article({ title: 'Quiet week', date: '2026-11-10' }, 'Nothing happened.') });
    sites.push(s);
    expect((await s.main('build', now)).code).toBe(0);
    const assets = s.list('dist').filter((f) => f.startsWith('assets/'));
    expect(assets).toEqual([expect.stringMatching(/^assets\/css\/site\.[0-9a-f]{10}\.css$/), expect.stringMatching(/^assets\/js\/search\.[0-9a-f]{10}\.js$/), expect.stringMatching(/^assets\/js\/site\.[0-9a-f]{10}\.js$/)]);
    const pages = s.list('dist').filter((f) => f.endsWith('.html'));
    for (const page of pages) expect(stylesheetOf(s.read(`dist/${page}`)), page).toBe(`/${assets[0]}`);
  });

  it('a changed stylesheet gets a new name on a warm build, and every page is written again to name it', async () => {
    const s = createTempSite({ 'content/posts/a.md': article({ title: 'Quiet week', date: '2026-11-10' }, 'Nothing happened.') });
    sites.push(s);
    expect((await s.main('build', now)).code).toBe(0);
    const before = stylesheetOf(s.read('dist/2026/11/a/index.html'));
    s.write('templates/assets/css/site.css', `${readFileSync(join(repoRoot, 'theme/assets/css/site.css'), 'utf8')}\n.kicker { color: teal; }\n`);
    expect((await s.main('build', now)).code).toBe(0);
    const after = stylesheetOf(s.read('dist/2026/11/a/index.html'));
    expect(after).not.toBe(before);
    expect(readdirSync(join(s.root, 'dist/assets/css'))).toEqual([after!.split('/').pop()]);
    for (const page of s.list('dist').filter((f) => f.endsWith('.html'))) expect(stylesheetOf(s.read(`dist/${page}`)), page).toBe(after);
  });

  it('an unknown asset name stops the build with a template error', async () => {
    const s = createTempSite({ 'content/posts/a.md': article({ title: 'Quiet week', date: '2026-11-10' }, 'Nothing happened.') });
    sites.push(s);
    s.write('templates/partials/head-extra.hbs', '<link rel="stylesheet" href="{{asset "css/print.css"}}">');
    const { code, stderr } = await s.main('build', now);
    expect(code).toBe(1);
    expect(stderr).toMatch(/theme\/layouts\/base\.hbs error MS402 no asset "css\/print\.css" in the theme's assets\//m);
  });
});

describe('fingerprintAssets', () => {
  it('lists the assets in file order however the reads finish, since the list is part of every signature', async () => {
    const s = createTempSite({});
    sites.push(s);
    // A large first file is read last.
    s.write('templates/assets/a.css', 'a'.repeat(4_000_000));
    s.write('templates/assets/b.js', 'b');
    const files = ['a.css', 'b.js'].map((f) => ({ outputPath: `assets/${f}`, absPath: join(s.root, 'templates/assets', f), source: `templates/assets/${f}` }));
    for (let i = 0; i < 5; i++) expect([...(await fingerprintAssets(files)).urls.keys()]).toEqual(['a.css', 'b.js']);
  });
});
