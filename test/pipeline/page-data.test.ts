import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/log.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { createPageProjector } from '../../src/pipeline/page-data.js';
import { prepareTranslations } from '../../src/pipeline/translations-step.js';
import type { Translations } from '../../src/render/translations.js';
import { createHelperRegistry } from '../../src/render/helper-registry.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { pageContext, renderPage, sharedContext } from '../../src/render/render-routes.js';
import { resolveBodyRefs } from '../../src/render/resolve-body-refs.js';
import { createTemplateEngine } from '../../src/render/template-engine.js';
import { planRoutes } from '../../src/routes/plan-routes.js';
import { repoRoot } from '../support/temp-site.js';

// What a worker thread gets instead of the graph: each page's context as
// plain data, cut where the page signature cuts it. Rendered after a
// structured clone (what a message to a thread does to it), every page of a
// fixture must come out as rendered from the graph itself.

async function pagesBothWays(fixture: string, flags: { drafts: boolean; future: boolean }, now: string) {
  const root = `${repoRoot}/test/fixtures/${fixture}`;
  const { config } = await loadConfig(`${root}/site.config.json`);
  const { graph } = await createSiteBuilder({ root, config, now: new Date(now), ...flags, logger: silentLogger }).loadGraph();
  const i18n = { translations: {} as Translations };
  const { engine } = createTemplateEngine(loadTemplates(root), createHelperRegistry(config, (name) => `/assets/${name}`, () => i18n.translations));
  i18n.translations = prepareTranslations(root, config, graph, engine!, []);
  resolveBodyRefs([...graph.posts, ...graph.pages], graph, engine!, config.baseUrl);
  const shared = sharedContext(graph, config);
  const routes = planRoutes(graph, config, []).pages;
  const project = createPageProjector();
  return routes.map((route) => {
    const context = pageContext(route, shared);
    return {
      url: route.url,
      fromGraph: renderPage(route, context, engine!, config),
      fromPlainData: renderPage(route, structuredClone(project(context)), engine!, config),
    };
  });
}

describe('plain page contexts', () => {
  it.each([
    { fixture: 'newsroom', drafts: true, future: true, now: '2024-11-10T12:00:00Z' },
    { fixture: 'newsroom', drafts: false, future: false, now: '2024-11-10T12:00:00Z' },
    { fixture: 'archive-bodies', drafts: false, future: false, now: '2025-01-01T00:00:00Z' },
  ])('render every page of $fixture (drafts $drafts) as the graph does', async ({ fixture, now, ...flags }) => {
    const pages = await pagesBothWays(fixture, flags, now);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => p.fromPlainData !== p.fromGraph).map((p) => p.url)).toEqual([]);
  });

  it('carry a term\'s or an author\'s posts as their number only, and other posts as cards', async () => {
    const root = `${repoRoot}/test/fixtures/newsroom`;
    const { config } = await loadConfig(`${root}/site.config.json`);
    const { graph } = await createSiteBuilder({ root, config, now: new Date('2024-11-10T12:00:00Z'), logger: silentLogger }).loadGraph();
    const route = planRoutes(graph, config, []).pages.find((r) => r.context.post?.related.length && r.context.post.tagTerms.length)!;
    const plain = createPageProjector()(pageContext(route, sharedContext(graph, config)));
    const own = route.context.post!;
    expect(plain.post!.html).toBe(own.html);
    expect(plain.post!.tagTerms[0].posts).toHaveLength(own.tagTerms[0].posts.length);
    expect(Object.keys(plain.post!.tagTerms[0].posts)).toEqual([]);
    expect(Object.keys(plain.post!.related[0])).not.toContain('html');
    expect(plain.post!.related[0].title).toBe(own.related[0].title);
  });

  it('keep data added to a context later, maps included, without it being listed anywhere', () => {
    const context = { meta: { kind: 'page' }, imageVariants: new Map([['/a.jpg', [{ width: 480, url: '/a-480.jpg' }]]]), strings: { readMore: 'Read more' } };
    const plain = createPageProjector()(context as never) as unknown as typeof context;
    expect(structuredClone(plain)).toEqual(context);
  });
});
