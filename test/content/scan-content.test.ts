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
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.message])).toEqual([
      ['MS216', 'warning', 'content/posts/notes.txt', 'not published: content/posts/notes.txt is not an article'],
    ]);
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

  it('reads posts with every extension the peers read as markdown, and warns about other files', async () => {
    const root = site(['content/posts/a.md', 'content/posts/b.markdown', 'content/posts/c.mdown', 'content/posts/d.mkd', 'content/posts/e.mkdn', 'content/posts/f.MD', 'content/posts/g.html', 'content/posts/img.png']);
    const { files, diagnostics } = await scanContent(root);
    expect(files.map((f) => [f.kind, f.within])).toEqual([
      ['post', 'a.md'], ['post', 'b.markdown'], ['post', 'c.mdown'], ['post', 'd.mkd'], ['post', 'e.mkdn'], ['post', 'f.MD'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.message])).toEqual([
      ['MS216', 'warning', 'content/posts/g.html', 'not published: content/posts/g.html is not an article'],
      ['MS216', 'warning', 'content/posts/img.png', 'not published: content/posts/img.png is not an article'],
    ]);
    expect(diagnostics[0].hint).toMatch(/page bundle/);
  });

  it('finds page bundles: the index is the post, the files beside it belong to it', async () => {
    const root = site([
      'content/posts/survey/index.md', 'content/posts/survey/chart.png', 'content/posts/survey/data/answers.csv',
      'content/posts/survey/notes.md', 'content/posts/_index.md', 'content/posts/year/flat.md',
    ]);
    const { files, diagnostics } = await scanContent(root);
    expect(files.map((f) => [f.kind, f.path, f.within, f.bundle])).toEqual([
      ['bundle', 'content/posts/survey/chart.png', 'chart.png', 'content/posts/survey/index.md'],
      ['bundle', 'content/posts/survey/data/answers.csv', 'data/answers.csv', 'content/posts/survey/index.md'],
      ['post', 'content/posts/survey/index.md', 'survey/index.md', undefined],
      ['post', 'content/posts/year/flat.md', 'year/flat.md', undefined],
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ['MS216', 'warning', 'content/posts/_index.md'],
      ['MS216', 'warning', 'content/posts/survey/notes.md'],
    ]);
  });
});
