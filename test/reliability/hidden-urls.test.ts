import { afterEach, describe, expect, it } from 'vitest';
import { checkOutputPaths } from '../../src/routes/check-output-paths.js';
import { toOutputPath } from '../../src/routes/output-path.js';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

// Issue 11 item 3: no URL content can set may publish a dotfile (`dist/.htaccess`, `dist/.env`).

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

function site(files: Record<string, string>, config: object = {}): TempSite {
  const s = createTempSite(files, { config });
  sites.push(s);
  return s;
}

const now = '--now=2024-11-10T12:00:00Z';

describe('hidden segments in content URLs', () => {
  it.each(['/.htaccess', '/.env', '/%2eenv', '/.well-known/security.txt', '/old/.git/config'])('refuses the alias %s at its line, and writes nothing', async (alias) => {
    const s = site({ 'content/posts/a.md': article({ title: 'A', date: '2024-11-06', aliases: JSON.stringify([alias]) }) });
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/posts\/a\.md:4:\d+ error MS210 'aliases' entries must not name hidden files or folders/);
    expect(s.exists('dist')).toBe(false);
  });

  it.each(['.env', '.htaccess'])('refuses the slug %s at its line', async (slug) => {
    const s = site({ 'content/posts/a.md': article({ title: 'A', date: '2024-11-06', slug: JSON.stringify(slug) }) });
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/posts\/a\.md:4:\d+ error MS307 unsafe slug/);
    expect(s.exists('dist')).toBe(false);
  });

  it('refuses a permalink pattern with a hidden folder, at its place in the config', async () => {
    const s = site({ 'content/posts/a.md': article({ title: 'A', date: '2024-11-06' }) }, { permalinks: { post: '/.posts/{slug}/' } });
    const result = await s.main('build', now);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/site\.config\.json:\d+:\d+ error MS102 permalinks\.post: must not contain hidden segments \("\.posts"\)/);
    expect(s.exists('dist')).toBe(false);
  });

  it('maps no URL with a hidden segment to an output path, and says why', () => {
    for (const url of ['/.env', '/%2eenv', '/a/.git/', '/.well-known/x']) expect(toOutputPath(url)).toBeUndefined();
    expect(toOutputPath('/a.b/c.html')).toBe('a.b/c.html');
    expect(checkOutputPaths([{ outputPath: '', url: '/.htaccess', origin: 'alias of content/posts/a.md' }])).toEqual([
      expect.objectContaining({ code: 'MS512', file: 'alias of content/posts/a.md', message: 'output path names a hidden file or folder (".htaccess"): "/.htaccess"' }),
    ]);
  });
});
