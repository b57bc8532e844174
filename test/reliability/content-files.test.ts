import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

// The FIFO test runs the CLI in a child process (a blocked read must not hang the test runner); the rest build in-process.
vi.setConfig({ testTimeout: 240_000 });

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function site(files: Record<string, string> = {}): TempSite {
  const s = createTempSite({ 'content/posts/a.md': article({ title: 'A', date: '2024-11-06' }), ...files }, { config: { search: { enabled: false } } });
  cleanups.push(() => s.remove());
  return s;
}

function outsideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outside-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'secret.md'), article({ title: 'Private notes', date: '2024-11-06' }));
  writeFileSync(join(dir, 'id_rsa'), 'private key');
  return dir;
}

const now = '--now=2024-11-10T12:00:00Z';

describe('content files that are not what they seem', () => {
  // Issue 11 item 7: reading a FIFO blocks until something writes to it, which is never.
  it('skips a FIFO named x.md with a warning, and the build finishes', async () => {
    const s = site();
    execFileSync('mkfifo', [join(s.root, 'content/posts/x.md')]);
    const result = await s.run('build', now);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('content/posts/x.md warning MS216 skipped: content/posts/x.md is not a regular file');
    expect(s.exists('dist/index.html')).toBe(true);
  });

  // Issue 11 item 17.
  it.each(['static', 'posts'])('refuses content/%s that is a symbolic link to a folder outside the site', async (folder) => {
    const s = site();
    const outside = outsideFolder();
    if (folder === 'posts') rmSync(join(s.root, 'content/posts'), { recursive: true });
    mkdirSync(join(s.root, 'content'), { recursive: true });
    symlinkSync(outside, join(s.root, 'content', folder));
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`content/${folder} error MS215 content/${folder} is a symbolic link to a folder outside content/`);
    expect(s.exists('dist')).toBe(false);
  });
});

describe('popularity data', () => {
  // Issue 11 item 15: an analytics export saved as Latin-1 must not publish U+FFFD in the Trending list.
  it('is decoded strictly: invalid UTF-8 is an error naming the file', async () => {
    const s = site();
    const latin1 = Buffer.concat([Buffer.from('{"/2024/11/a/": 12, "S'), Buffer.from([0xe3]), Buffer.from('o Paulo": 3}')]);
    s.write('content/data/popularity.json', latin1);
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/data\/popularity\.json:1:\d+ error MS200 file is not valid UTF-8 text/);
    expect(s.exists('dist')).toBe(false);
  });
});

describe('author files', () => {
  // Issue 11 item 13: on a case-sensitive disk both files exist; one used to vanish without a word.
  it('two author files differing only in case are an error naming both', async () => {
    const s = site({
      'content/authors/Amina-X.md': '---\nname: Amina X\n---\nBio one.\n',
      'content/authors/amina-x.md': '---\nname: Amina Xu\n---\nBio two.\n',
    });
    const result = await s.main('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/authors/amina-x.md error MS320 author files content/authors/Amina-X.md and content/authors/amina-x.md name the same author');
    expect(s.exists('dist')).toBe(false);
  });
});
