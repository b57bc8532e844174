import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySampleSite, runMain } from '../support/temp-site.js';

// The repository's own site lists real public feeds. With no network (CI, a
// train) it must still build, each feed's widget left out with one warning.
// A copy, so that neither a warm .cache/ in the checkout nor the network
// decides the result.

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'migrant-sample-offline-'));
  copySampleSite(root);
  // The claim is about the feed widgets: search and the resized copies of pictures, most of a cold build's work, are left out.
  const config = JSON.parse(readFileSync(join(root, 'site.config.json'), 'utf8')) as { search?: object };
  writeFileSync(join(root, 'site.config.json'), JSON.stringify({ ...config, search: { ...config.search, enabled: false }, images: { widths: [400], formats: [] } }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the sample site without network', () => {
  it('lists at least two external feeds and builds with --offline and an empty cache: widgets left out, one warning each', async () => {
    const config = JSON.parse(readFileSync(join(root, 'site.config.json'), 'utf8')) as { externalFeeds: { feeds: Record<string, { url: string }> } };
    const names = Object.keys(config.externalFeeds.feeds);
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const feed of Object.values(config.externalFeeds.feeds)) expect(feed.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);

    const { code, stderr } = await runMain(root, ['build', '--offline', '--now', '2026-11-28T12:00:00Z', '--workers', '0']);
    expect(code).toBe(0);
    const warnings = stderr.split('\n').filter((l) => l.includes('MS504'));
    expect(warnings.map((w) => /external feed "(\w+)"/.exec(w)?.[1])).toEqual(names);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).not.toContain('site-footer__feeds');
  }, 120_000);
});
