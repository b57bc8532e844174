import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanContent } from '../../src/content/scan-content.js';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function site(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'scan-'));
  roots.push(root);
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), 'x');
  }
  return root;
}

describe('scanContent', () => {
  it('finds articles, pages, authors, static and data files, sorted by path', async () => {
    const root = site(['content/posts/b.md', 'content/posts/2024/a.md', 'content/pages/about.md', 'content/authors/ana.md', 'content/static/images/x.png', 'content/data/popularity.json', 'content/posts/notes.txt']);
    const { files, diagnostics } = await scanContent(root);
    expect(files.map((f) => [f.kind, f.path, f.within])).toEqual([
      ['author', 'content/authors/ana.md', 'ana.md'],
      ['data', 'content/data/popularity.json', 'popularity.json'],
      ['page', 'content/pages/about.md', 'about.md'],
      ['post', 'content/posts/2024/a.md', '2024/a.md'],
      ['post', 'content/posts/b.md', 'b.md'],
      ['static', 'content/static/images/x.png', 'images/x.png'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('skips dotfiles and editor files, warning about those in static/', async () => {
    const root = site(['content/posts/.a.md.swp', 'content/posts/a.md~', 'content/posts/4913', 'content/static/.env', 'content/static/.git/config', 'content/static/ok.txt']);
    const { files, diagnostics } = await scanContent(root);
    expect(files.map((f) => f.path)).toEqual(['content/static/ok.txt']);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ['MS216', 'warning', 'content/static/.env'],
      ['MS216', 'warning', 'content/static/.git'],
    ]);
  });

  it('refuses symlinks that leave content/ and survives link loops', async () => {
    const root = site(['content/posts/a.md', 'content/static/ok.txt', 'secret.md']);
    symlinkSync(join(root, 'secret.md'), join(root, 'content/posts/leak.md'));
    symlinkSync('/', join(root, 'content/static/root'));
    symlinkSync(join(root, 'content/posts'), join(root, 'content/posts/loop'));
    const { files, diagnostics } = await scanContent(root);
    expect(files.map((f) => f.path)).toEqual(['content/posts/a.md', 'content/static/ok.txt']);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['MS215', 'content/posts/leak.md'],
      ['MS215', 'content/static/root'],
    ]);
  });
});
