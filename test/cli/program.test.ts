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
    expect(badNow.stderr).toContain("error: option '--now <date>' argument 'yesterday' is invalid. Use an ISO date such as 2024-11-06T12:00");
    expect(s.exists('dist')).toBe(false);
  });

  // Each shared option is defined once and checked by commander while it parses: the
  // option, the bad value and what is accepted, exit 2, before anything is built.
  it.each([
    [['build', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, github."],
    [['check', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, github."],
    [['graph', '--format', 'svg'], "option '-f, --format <format>' argument 'svg' is invalid. Allowed choices are json, dot."],
    [['build', '--workers', 'many'], "option '--workers <n>' argument 'many' is invalid. Use a whole number from 0 to 256. Use --workers 0 to parse on the main thread."],
    [['check', '--workers', '-1'], "option '--workers <n>' argument '-1' is invalid. Use a whole number from 0 to 256."],
    [['serve', '--port', '70000'], "option '-p, --port <number>' argument '70000' is invalid. Use a whole number from 0 to 65535."],
    [['explain', 'related', 'x', '--top', '0'], "option '-n, --top <n>' argument '0' is invalid. Use a whole number from 1 to 10000."],
    [['graph', '--now', '2024-02-30'], "option '--now <date>' argument '2024-02-30' is invalid."],
  ])('exits 2 naming the option, the value and what is accepted: %j', async (args, message) => {
    const s = site();
    const result = await s.main(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(result.stdout).toBe('');
    expect(s.exists('dist')).toBe(false);
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
