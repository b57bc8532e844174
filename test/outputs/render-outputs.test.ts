import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RenderedPageInfo } from '../../src/outputs/generated-file.js';
import { renderOutputs } from '../../src/outputs/render-outputs.js';
import { makeSite } from './site-fixture.js';

afterEach(() => vi.useRealTimers());

const pages: RenderedPageInfo[] = [
  { url: '/', kind: 'home', html: '', lastmod: new Date('2026-11-27T15:00:00Z') },
  { url: '/2026/11/boats/', kind: 'post', html: '', lastmod: new Date('2026-11-27T15:00:00Z') },
];

describe('renderOutputs', () => {
  it('gives byte-identical feeds, sitemaps, robots.txt and redirects for the same content, whatever the wall clock', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = makeSite(undefined, { search: { enabled: false } });
    const a = await renderOutputs(first.graph, first.config, pages);
    vi.setSystemTime(new Date('2031-06-15T08:00:00Z'));
    const second = makeSite(undefined, { search: { enabled: false } });
    const b = await renderOutputs(second.graph, second.config, pages);
    expect(b).toEqual(a);
    expect(a.map((f) => f.url)).toEqual(expect.arrayContaining(['/feed.xml', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/_redirects', '/old/boats/']));
  });
});
