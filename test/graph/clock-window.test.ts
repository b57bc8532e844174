import { describe, expect, it } from 'vitest';
import { dayWindow, intersectWindows, isInWindow, windowAround } from '../../src/graph/clock-window.js';
import { selectPosts, visibilityWindow } from '../../src/graph/select-posts.js';
import type { GraphInput } from '../../src/graph/types.js';
import { buildSiteGraph } from '../../src/graph/build-site-graph.js';
import { newsSitemapWindow, renderNewsSitemap } from '../../src/outputs/news-sitemap.js';
import { makeSite, newsPosts, now } from '../outputs/site-fixture.js';
import { makeInput, makePost } from './factories.js';

const at = (iso: string) => new Date(iso).getTime();

describe('clock windows', () => {
  it('run from the last flip at or before the clock to the first after it', () => {
    expect(windowAround(50, [10, 50, 70, 90])).toEqual({ from: 50, until: 70 });
    expect(windowAround(5, [10])).toEqual({ from: -Infinity, until: 10 });
    expect(windowAround(5, [])).toEqual({ from: -Infinity, until: Infinity });
    expect(intersectWindows({ from: 1, until: 9 }, { from: 3, until: 12 })).toEqual({ from: 3, until: 9 });
    expect(isInWindow(9, { from: 3, until: 9 })).toBe(false);
    expect(isInWindow(3, { from: 3, until: 9 })).toBe(true);
  });

  it("give the calendar day in the site's zone, also across a change of clocks", () => {
    expect(dayWindow(new Date('2024-11-10T23:30:00Z'), 'Europe/Athens')).toEqual({ from: at('2024-11-10T22:00:00Z'), until: at('2024-11-11T22:00:00Z') });
    // London's clocks go back on 2024-10-27: that day lasts 25 hours.
    expect(dayWindow(new Date('2024-10-27T12:00:00Z'), 'Europe/London')).toEqual({ from: at('2024-10-26T23:00:00Z'), until: at('2024-10-28T00:00:00Z') });
    expect(dayWindow(new Date('2024-12-31T12:00:00Z'), 'UTC')).toEqual({ from: at('2024-12-31T00:00:00Z'), until: at('2025-01-01T00:00:00Z') });
  });

  it('bound which posts are published: the answer is the same anywhere inside, different just outside', () => {
    const posts = [makePost({ slug: 'a', date: new Date('2024-11-01T08:00:00Z') }), makePost({ slug: 'b', date: new Date('2024-11-20T08:00:00Z') }), makePost({ slug: 'c', draft: true, date: new Date('2024-11-15T08:00:00Z') })];
    const input = (now: number): GraphInput => ({ posts, pages: [], authors: [], now: new Date(now), includeDrafts: false, includeFuture: false });
    const published = (now: number) => selectPosts(input(now), 'en').posts.map((p) => p.slug);
    const window = visibilityWindow(input(at('2024-11-10T00:00:00Z')));
    // The draft's date decides nothing without --drafts.
    expect(window).toEqual({ from: at('2024-11-01T08:00:00Z'), until: at('2024-11-20T08:00:00Z') });
    expect(published(window.from)).toEqual(published(window.until - 1));
    expect(published(window.until)).not.toEqual(published(window.until - 1));
    expect(published(window.from - 1)).not.toEqual(published(window.from));
    expect(visibilityWindow({ ...input(at('2024-11-10T00:00:00Z')), includeDrafts: true }).until).toBe(at('2024-11-15T08:00:00Z'));
  });

  it('bound the news sitemap: the same sitemap anywhere inside, another just outside', () => {
    const { graph, config } = makeSite();
    const sitemapAt = (t: number) => renderNewsSitemap(buildSiteGraph(makeInput({ now: new Date(t), posts: newsPosts.map(makePost) }), config).graph, config);
    const window = newsSitemapWindow(graph);
    // The article of 2026-11-27T10:00Z entered then and leaves 48 hours later.
    expect(window).toEqual({ from: at('2026-11-27T10:00:00Z'), until: at('2026-11-29T10:00:00Z') + 1 });
    expect(sitemapAt(window.from)).toBe(sitemapAt(+now));
    expect(sitemapAt(window.until - 1)).toBe(sitemapAt(+now));
    expect(sitemapAt(window.until)).not.toBe(sitemapAt(+now));
    expect(sitemapAt(window.from - 1)).not.toBe(sitemapAt(+now));
  });
});
