import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { PostNode, SiteGraph } from '../../src/graph/types.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { planRender } from '../../src/pipeline/plan-render.js';
import type { SignatureInputs } from '../../src/pipeline/route-signatures.js';
import { planRoutes, type PageRoute } from '../../src/routes/plan-routes.js';
import { repoRoot } from '../support/temp-site.js';

// The reuse decision of serve --watch: a page whose signature parts are the
// last pass's keeps that pass's signature object, unhashed; any page that
// shows a changed card, term or author is hashed again.

const root = `${repoRoot}/test/fixtures/newsroom`;

async function newsroom() {
  const { config } = await loadConfig(`${root}/site.config.json`);
  const { graph } = await createSiteBuilder({ root, config, now: new Date('2024-11-10T12:00:00Z'), logger: silentLogger }).loadGraph();
  const inputs: SignatureInputs = { graph, versions: new Map(), timeZone: config.timeZone, externalFeeds: {}, assets: new Map(), language: config.language, translations: {} };
  return { graph, inputs, routes: planRoutes(graph, config, []).pages };
}

/** Every post a page shows as its own story or as a card. */
function postsShown(r: PageRoute): PostNode[] {
  const { post, pagination, latest, lists } = r.context;
  const around = post ? [post, ...post.related, ...(post.prev ? [post.prev] : []), ...(post.next ? [post.next] : []), ...post.translations] : [];
  return [...around, ...(pagination?.items ?? []), ...(latest ?? []), ...Object.values(lists ?? {}).flat()];
}

const byPath = (graph: SiteGraph, path: string) => graph.posts.find((p) => p.sourcePath === path)!;

describe('page signatures between passes', () => {
  it('keep the earlier signature object of every page when nothing changed, and hash none', async () => {
    const { inputs, routes } = await newsroom();
    const first = planRender(inputs, routes, undefined, new Map());
    expect(first.hashed).toBe(routes.length);
    const again = planRender(inputs, routes, undefined, first.signed);
    expect(again.hashed).toBe(0);
    for (const r of routes) expect(again.signed!.get(r.outputPath)).toBe(first.signed!.get(r.outputPath));
  });

  it('hash again exactly the pages that show a post whose card changed', async () => {
    const { graph, inputs, routes } = await newsroom();
    const first = planRender(inputs, routes, undefined, new Map());
    const post = byPath(graph, 'content/posts/athens-shelters.md');
    post.title = 'Athens shelters are full';
    const next = planRender(inputs, routes, undefined, first.signed);
    const showing = routes.filter((r) => postsShown(r).includes(post));
    expect(showing.length).toBeGreaterThan(3);
    expect(showing.length).toBeLessThan(routes.length / 2);
    for (const r of routes) {
      const [before, after] = [first.signed!.get(r.outputPath)!, next.signed!.get(r.outputPath)!];
      if (showing.includes(r)) expect(after.signature, r.url).not.toBe(before.signature);
      else expect(after, r.url).toBe(before);
    }
    expect(next.hashed).toBe(showing.length);
  });

  it('hash again the pages that show a changed term, though they list none of its posts', async () => {
    const { graph, inputs, routes } = await newsroom();
    const first = planRender(inputs, routes, undefined, new Map());
    const tag = graph.tags.find((t) => t.name === 'integration')!;
    tag.description = 'Housing, language classes and work.';
    const next = planRender(inputs, routes, undefined, first.signed);
    const hashed = routes.filter((r) => next.signed!.get(r.outputPath) !== first.signed!.get(r.outputPath)).map((r) => r.url);
    // The tag's own page, and the index of tags, which lists no posts.
    expect(hashed).toEqual([tag.url, '/tags/']);
  });
});
