import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, createTempSite, type TempSite } from '../support/temp-site.js';

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));

const now = '--now=2026-11-30T12:00:00Z';

describe('output under GitHub Actions', () => {
  it('prints a content error of build both as the usual line and as an annotation', async () => {
    const s = createTempSite({ 'content/posts/a.md': '---\ntitle: A\ndate: 2026-13-45\n---\nx\n' });
    sites.push(s);
    const { code, stdout, stderr } = await s.mainWith({ GITHUB_ACTIONS: 'true' }, 'build', now);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^content\/posts\/a\.md:3:7 error MS201 /m);
    expect(stdout).toMatch(/^::error file=content\/posts\/a\.md,line=3,col=7,title=MS201::/m);
  });

  it('prints no annotations outside GitHub Actions unless --format github asks', async () => {
    const s = createTempSite({ 'content/posts/a.md': '---\ntitle: A\ndate: 2026-13-45\n---\nx\n' });
    sites.push(s);
    expect((await s.main('build', now)).stdout).not.toContain('::error');
    expect((await s.main('build', now, '--format', 'github')).stdout).toContain('::error file=content/posts/a.md,line=3,col=7,title=MS201::');
  });

  it('appends one table to the job summary: pages, posts, warnings, time, what changed', async () => {
    const s = createTempSite({ 'content/posts/a.md': article({ title: 'Quiet week', date: '2026-11-10' }, 'Nothing happened.') });
    sites.push(s);
    const summary = join(s.root, 'summary.md');
    const { code } = await s.mainWith({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }, 'build', now);
    expect(code).toBe(0);
    const table = readFileSync(summary, 'utf8').split('\n');
    expect(table.slice(0, 4)).toEqual(['### migrant-site build', '', '| pages | posts | warnings | time | changed |', '| --- | --- | --- | --- | --- |']);
    expect(table[4]).toMatch(/^\| \d+ \| 1 \| \d+ \| [\d.]+ s \| \d+ files:<br>\/.*\|$/);
    // A second build changes nothing.
    await s.mainWith({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }, 'build', now);
    expect(readFileSync(summary, 'utf8').split('\n')[10]).toMatch(/\| nothing \|$/);
  });
});
