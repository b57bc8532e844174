import { describe, expect, it } from 'vitest';
import { pageUrlOf, resolveReference } from '../../src/check/resolve-reference.js';

const base = 'https://example.org/news/';

describe('resolveReference', () => {
  it('maps links under the base URL to output files, with their fragment', () => {
    expect(resolveReference('/news/2026/11/x/#part-two', `${base}a/`, base)).toEqual({ kind: 'internal', path: '/2026/11/x/', file: '2026/11/x/index.html', fragment: 'part-two' });
    expect(resolveReference('../feed.xml', `${base}a/`, base)).toEqual({ kind: 'internal', path: '/feed.xml', file: 'feed.xml', fragment: '' });
    expect(resolveReference('https://example.org/news/caf%C3%A9/', `${base}a/`, base)).toMatchObject({ file: 'café/index.html' });
  });

  it('treats other sites and other paths of the same host as external, and skips mailto: and data:', () => {
    expect(resolveReference('https://other.org/x', base, base)).toEqual({ kind: 'external', url: 'https://other.org/x' });
    expect(resolveReference('/elsewhere/', base, base)).toEqual({ kind: 'external', url: 'https://example.org/elsewhere/' });
    expect(resolveReference('mailto:desk@example.org', base, base)).toEqual({ kind: 'skip' });
  });

  it('gives each output file its URL', () => {
    expect(pageUrlOf('2026/11/x/index.html', base)).toBe('https://example.org/news/2026/11/x/');
    expect(pageUrlOf('index.html', base)).toBe(base);
    expect(pageUrlOf('feed.xml', base)).toBe('https://example.org/news/feed.xml');
  });
});
