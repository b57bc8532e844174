import { intersectWindows, type ClockWindow } from '../graph/clock-window.js';
import { popularityWindow } from '../graph/popularity.js';
import { visibilityWindow } from '../graph/select-posts.js';
import type { GraphInput, SiteGraph } from '../graph/types.js';
import { newsSitemapWindow } from '../outputs/news-sitemap.js';
import { signatureWindow } from './route-signatures.js';

/**
 * The instants of the build's clock for which this build's output is exactly
 * what a build at that instant would write, all else being equal.
 *
 * The invariant: the output depends on `now` only through the rules listed
 * here, each one's window function living beside the code that compares with
 * `now`: which posts are published (select-posts), the day of popularity
 * windows (popularity), the news sitemap's 48 hours (news-sitemap), and what
 * pages show of the clock, the date and each card's "Scheduled" state
 * (route-signatures, which by its own invariant covers what templates read).
 * test/graph/clock-readers.test.ts lists every reader of `now` in src/ and
 * fails when one appears without its window function here.
 */
export function outputClockWindow(input: GraphInput, graph: SiteGraph, timeZone: string): ClockWindow {
  return intersectWindows(visibilityWindow(input), popularityWindow(graph.now, timeZone), newsSitemapWindow(graph), signatureWindow(graph, timeZone));
}
