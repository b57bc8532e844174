import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { SiteError, type Diagnostic } from '../../src/diagnostics/diagnostic.js';

const valid = { title: 'Migration News', baseUrl: 'https://example.org', language: 'en', timeZone: 'UTC' };
let site: string;

beforeEach(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'migrant-config-'));
});

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

async function diagnosticsOf(promise: Promise<unknown>): Promise<Diagnostic[]> {
  const thrown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(thrown).toBeInstanceOf(SiteError);
  return (thrown as SiteError).diagnostics;
}

describe('loadConfig', () => {
  it('returns the config, the file relative to the site root and the root', async () => {
    const file = path.join(site, 'site.config.json');
    await writeFile(file, JSON.stringify(valid));
    const loaded = await loadConfig(file);
    expect(loaded.file).toBe('site.config.json');
    expect(loaded.root).toBe(site);
    expect(loaded.config.outDir).toBe('dist');
  });

  it('reports a missing file with a hint to create one or pass --config', async () => {
    const diagnostics = await diagnosticsOf(loadConfig(path.join(site, 'site.config.json')));
    expect(diagnostics).toEqual([
      {
        code: 'MS104',
        severity: 'error',
        message: `no config file at ${path.join(site, 'site.config.json')}`,
        file: 'site.config.json',
        hint: 'create site.config.json in the site folder, or pass --config <file>',
      },
    ]);
  });

  it('throws every config error at once', async () => {
    await writeFile(path.join(site, 'site.config.json'), JSON.stringify({ ...valid, outdir: 'x', postsPerPage: 'ten' }, null, 2));
    const diagnostics = await diagnosticsOf(loadConfig(path.join(site, 'site.config.json')));
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      'site.config.json:6:3 MS103 outdir: unknown key',
      'site.config.json:7:19 MS102 postsPerPage: expected a number, got the string "ten"',
    ]);
  });

  it('refuses an unsafe outDir, pointing at its value', async () => {
    await writeFile(path.join(site, 'site.config.json'), JSON.stringify({ ...valid, outDir: 'content' }, null, 2));
    const diagnostics = await diagnosticsOf(loadConfig(path.join(site, 'site.config.json')));
    expect(diagnostics).toMatchObject([{ code: 'MS105', file: 'site.config.json', line: 6, column: 13 }]);
  });

  it('reports bytes that are not UTF-8 instead of replacing them', async () => {
    await writeFile(path.join(site, 'site.config.json'), Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    const diagnostics = await diagnosticsOf(loadConfig(path.join(site, 'site.config.json')));
    expect(diagnostics).toMatchObject([{ code: 'MS101', message: 'the config file is not valid UTF-8', file: 'site.config.json' }]);
  });

  it('accepts a file saved with a byte-order mark', async () => {
    await writeFile(path.join(site, 'site.config.json'), `\uFEFF${JSON.stringify(valid)}`);
    await expect(loadConfig(path.join(site, 'site.config.json'))).resolves.toMatchObject({ config: { title: 'Migration News' } });
  });
});
