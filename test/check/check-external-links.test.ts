import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkExternalLinks } from '../../src/check/check-external-links.js';
import type { ExternalReference } from '../../src/check/check-links.js';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

const document = { file: 'a/index.html', text: '', kind: 'page' as const, elements: [], references: [] };
const ref = (url: string): ExternalReference => ({ url, document, reference: { value: url, offset: 0, element: 'a' } });

/** A fake network: status per URL and method; a URL missing from the table never answers. */
function network(table: Record<string, number>) {
  const calls: string[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`);
    const status = table[`${init.method} ${url}`] ?? table[url];
    if (status === undefined) {
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    }
    return new Response(null, { status });
  }) as typeof fetch;
  return { fake, calls };
}

describe('checkExternalLinks', () => {
  it('warns once per failing URL, asks with GET when HEAD is refused, and gives up on a server that does not answer', async () => {
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'migrant-links-')), 'external-links.json');
    folders.push(join(cacheFile, '..'));
    const { fake, calls } = network({ 'https://a.org/ok': 200, 'https://a.org/gone': 404, 'HEAD https://b.org/x': 405, 'GET https://b.org/x': 200 });
    const problems = await checkExternalLinks(
      [ref('https://a.org/ok'), ref('https://a.org/gone'), ref('https://a.org/gone'), ref('https://b.org/x'), ref('https://slow.org/')],
      { cacheFile, now: 1000, fetch: fake, timeoutMs: 200 },
    );
    expect(problems.map((p) => `${p.severity} ${p.code} ${p.message}`)).toEqual([
      'warning MS709 external link "https://a.org/gone" failed: HTTP 404',
      'warning MS709 external link "https://slow.org/" failed: no answer within 0.2 s',
    ]);
    expect(calls.filter((c) => c.includes('a.org/gone'))).toHaveLength(1);
    expect(calls).toContain('GET https://b.org/x');
    expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')) as object).sort()).toEqual(['https://a.org/gone', 'https://a.org/ok', 'https://b.org/x', 'https://slow.org/']);
  });

  it('reuses good answers from its cache for a week and asks failed ones again', async () => {
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'migrant-links-')), 'external-links.json');
    folders.push(join(cacheFile, '..'));
    const first = network({ 'https://a.org/ok': 200, 'https://a.org/gone': 404 });
    await checkExternalLinks([ref('https://a.org/ok'), ref('https://a.org/gone')], { cacheFile, now: 0, fetch: first.fake });
    const again = network({ 'https://a.org/ok': 200, 'https://a.org/gone': 200 });
    expect(await checkExternalLinks([ref('https://a.org/ok'), ref('https://a.org/gone')], { cacheFile, now: 1000, fetch: again.fake })).toEqual([]);
    expect(again.calls).toEqual(['HEAD https://a.org/gone']);
    const later = network({ 'https://a.org/ok': 200, 'https://a.org/gone': 200 });
    await checkExternalLinks([ref('https://a.org/ok')], { cacheFile, now: 8 * 24 * 3600 * 1000, fetch: later.fake });
    expect(later.calls).toEqual(['HEAD https://a.org/ok']);
  });
});
