import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/config/make-config.js';
import { SiteError } from '../../src/diagnostics/diagnostic.js';

describe('makeConfig', () => {
  it('returns a valid config with every default', () => {
    const config = makeConfig();
    expect(config).toMatchObject({ title: 'Test Site', baseUrl: 'https://example.org/', timeZone: 'UTC', outDir: 'dist', postsPerPage: 10 });
    expect(config.permalinks.post).toBe('/{yyyy}/{mm}/{slug}/');
  });

  it('applies overrides and keeps the nested defaults they leave out', () => {
    const config = makeConfig({ postsPerPage: 3, permalinks: { tag: '/topics/{slug}/' } });
    expect(config.postsPerPage).toBe(3);
    expect(config.permalinks).toMatchObject({ tag: '/topics/{slug}/', post: '/{yyyy}/{mm}/{slug}/' });
  });

  it('throws the same diagnostics as a bad config file', () => {
    expect(() => makeConfig({ timeZone: 'Nowhere/City' })).toThrow(SiteError);
    expect(() => makeConfig({ timeZone: 'Nowhere/City' })).toThrow('timeZone: "Nowhere/City" is not a known time zone');
  });
});
