import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { article, createTempSite, problemsIn, type TempSite } from '../support/temp-site.js';
import { bin, deadPid, start, waitFor } from './processes.js';

// These tests run the CLI in child processes: on a loaded machine one build can take many seconds.
vi.setConfig({ testTimeout: 240_000 });

// Issue 11 items 8–11: nothing left behind on signals, stale temp folders
// swept, no lost output folder between the swap's renames, one writer at a time.

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

const now = '--now=2024-11-10T12:00:00Z';

function site(posts = 1): TempSite {
  const files: Record<string, string> = {};
  for (let i = 0; i < posts; i++) files[`content/posts/p${i}.md`] = article({ title: `Report ${i}`, date: '2024-11-06' }, `Paragraph ${i}.\n\n${'Text. '.repeat(200)}`);
  const s = createTempSite(files, { config: { search: { enabled: false } } });
  sites.push(s);
  return s;
}

/** Names beside the output folder that a build makes and must not leave. */
const leftovers = (s: TempSite) => readdirSync(s.root).filter((f) => /^\.dist[-.]/.test(f));

describe('signals during a write', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s removes the temp folder and the lock, leaves the previous output, and exits %i', async (signal, code) => {
    const s = site();
    s.write('dist/index.html', 'previous site');
    const holder = start([join(import.meta.dirname, 'fixtures', 'hold-output-session.mjs'), join(s.root, 'dist')], s.root);
    await waitFor(() => holder.output().includes('.dist-tmp-'), 'the temp folder');
    const temp = holder.output().trim();
    expect(existsSync(join(temp, 'index.html'))).toBe(true);
    holder.child.kill(signal);
    expect(await holder.exited).toBe(code);
    expect(leftovers(s)).toEqual([]);
    expect(s.read('dist/index.html')).toBe('previous site');
  });

  it('Ctrl-C during the first build of `serve` exits 0 and leaves no temp folder', async () => {
    const s = site(300);
    const serve = start([bin, 'serve', now, '--port', '0'], s.root);
    // Signalled while the new site is being written: the temp folder exists.
    await waitFor(() => leftovers(s).some((f) => f.startsWith('.dist-tmp-')) || serve.child.exitCode !== null || serve.output().includes('serving'), 'the first build to write');
    const during = !serve.output().includes('serving');
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);
    expect(leftovers(s)).toEqual([]);
    // The point of the test is the first build; say so if the machine was fast enough to finish it first.
    expect(during, serve.output()).toBe(true);
  }, 240_000);
});

describe('what a killed build left behind', () => {
  it('puts the previous output back when a build was killed between the two renames', async () => {
    const s = site();
    const pid = await deadPid();
    s.write(`.dist-old-${pid}-0000abcd/index.html`, 'previous site');
    s.write(`.dist-tmp-${pid}-1111abcd/index.html`, 'half a site');
    // Even a build that fails on content restores the output folder first.
    s.write('content/posts/bad.md', '---\ntitle: Bad\n');
    const result = await s.run('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/warning MS513 restored .*dist from .*\.dist-old-\d+-0000abcd/);
    expect(s.read('dist/index.html')).toBe('previous site');
    expect(leftovers(s)).toEqual([]);
  });

  it('sweeps temp folders of dead builds, and keeps those of live processes and folders it did not name', async () => {
    const s = site();
    s.write('dist/index.html', 'current site');
    const pid = await deadPid();
    s.write(`.dist-tmp-${pid}-2222abcd/index.html`, 'stale');
    s.write(`.dist-old-${pid}-3333abcd/index.html`, 'stale backup');
    s.write(`.dist-tmp-${process.pid}-4444abcd/index.html`, 'a live build');
    s.write('.dist-backup/index.html', 'made by the user');
    const result = await s.run('build', now);
    expect(problemsIn(result.stderr)).toEqual([]);
    expect(leftovers(s).sort()).toEqual(['.dist-backup', `.dist-tmp-${process.pid}-4444abcd`]);
  });
});

describe('one writer at a time', () => {
  it('refuses to write while another live process holds the lock, and leaves the output as it was', async () => {
    const s = site();
    s.write('dist/index.html', 'previous site');
    writeFileSync(join(s.root, '.dist.migrant-lock'), String(process.pid));
    const result = await s.run('build', now);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error MS510 another migrant-site process (pid ${process.pid}) is writing`);
    expect(result.stderr).toContain('hint: wait for it to finish');
    expect(s.read('dist/index.html')).toBe('previous site');
  });

  it('takes over a lock whose process is gone, and releases it', async () => {
    const s = site();
    writeFileSync(join(s.root, '.dist.migrant-lock'), String(await deadPid()));
    const result = await s.run('build', now);
    expect(problemsIn(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    expect(leftovers(s)).toEqual([]);
  });

  it('two builds of one site at once: each succeeds or is refused by the lock, and the result equals a single build', async () => {
    const s = site(20);
    const a = start([bin, 'build', now], s.root);
    const b = start([bin, 'build', now], s.root);
    const codes = await Promise.all([a.exited, b.exited]);
    for (const [i, code] of codes.entries()) {
      const output = [a, b][i].output();
      expect(code === 0 || (code === 1 && output.includes('MS510')), output).toBe(true);
    }
    expect(codes).toContain(0);
    expect(leftovers(s)).toEqual([]);
    const together = Object.fromEntries(s.list().map((f) => [f, readFileSync(join(s.root, 'dist', f), 'utf8')]));
    expect((await s.run('build', now, '--no-cache', '--out', 'single')).code).toBe(0);
    const single = Object.fromEntries(s.list('single').map((f) => [f, readFileSync(join(s.root, 'single', f), 'utf8')]));
    expect(together).toEqual(single);
  });
});

it('keeps no marker in an output folder inside the site root', async () => {
  const s = site();
  mkdirSync(join(s.root, 'dist'));
  expect((await s.run('build', now)).code).toBe(0);
  expect(s.list()).not.toContain('.migrant-site-output');
});
