import { afterEach, describe, expect, it } from 'vitest';
import { createTempSite, type TempSite } from '../support/temp-site.js';

const sites: TempSite[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.remove()));
const site = () => {
  const s = createTempSite({});
  sites.push(s);
  return s;
};

describe('migrant-site program', () => {
  it('prints help for every command and its version', async () => {
    const s = site();
    const help = await s.main('--help');
    expect(help.code).toBe(0);
    for (const command of ['build', 'serve', 'new']) expect(help.stdout).toContain(command);
    const buildHelp = await s.main('build', '--help');
    for (const flag of ['--config', '--out', '--base-url', '--drafts', '--future', '--now', '--quiet', '--verbose']) expect(buildHelp.stdout).toContain(flag);
    expect((await s.run('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown option or a bad --now', async () => {
    const s = site();
    expect((await s.main('build', '--outdir', 'x')).code).toBe(2);
    const badNow = await s.main('build', '--now', 'yesterday');
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('error MS001 --now is not an ISO date (got "yesterday")');
  });

  it('exits 2 when there is no config', async () => {
    const s = site();
    const result = await s.main('build', '--config', 'missing.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('MS104');
  });

  it('writes a new post skeleton with today\'s date and refuses to overwrite it', async () => {
    const s = site();
    const first = await s.main('new', 'post', 'Boats reach São Tomé');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('created content/posts/boats-reach-sao-tome.md\n');
    const text = s.read('content/posts/boats-reach-sao-tome.md');
    expect(text).toContain('title: "Boats reach São Tomé"');
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toContain('draft: true');
    const second = await s.main('new', 'post', 'Boats reach São Tomé');
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('content/posts/boats-reach-sao-tome.md already exists');
    expect(s.read('content/posts/boats-reach-sao-tome.md')).toBe(text);
  });
});
