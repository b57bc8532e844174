import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { PostNode } from '../../src/graph/types.js';
import { silentLogger } from '../../src/log.js';
import { cardFields, ownPostGraphFields } from '../../src/pipeline/route-signatures.js';
import { createSiteBuilder } from '../../src/pipeline/create-site-builder.js';
import { createHelperRegistry } from '../../src/render/helper-registry.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { loadTranslations } from '../../src/render/load-translations.js';
import { renderRoutes } from '../../src/render/render-routes.js';
import { createTemplateEngine } from '../../src/render/template-engine.js';
import { planRoutes } from '../../src/routes/plan-routes.js';
import { repoRoot } from '../support/temp-site.js';

// The invariant behind incremental builds, checked against the real theme:
// every post field a page reads is covered by its signature. Each post of the
// graph records which of its fields are read while one page renders; a read
// of a post the page only shows as a card must be one of cardFields.

const root = `${repoRoot}/test/fixtures/newsroom`;

async function renderRecording(flags: { drafts: boolean; future: boolean }) {
  const { config } = await loadConfig(`${root}/site.config.json`);
  const builder = createSiteBuilder({ root, config, now: new Date('2024-11-10T12:00:00Z'), ...flags, logger: silentLogger });
  const { graph } = await builder.loadGraph();
  const { translations } = loadTranslations(repoRoot);
  const { engine } = createTemplateEngine(loadTemplates(repoRoot), createHelperRegistry(config, (name) => `/assets/${name}`, () => translations));
  const reads = new Map<PostNode, Set<string>>();
  for (const post of graph.posts) {
    const fields = new Set<string>();
    reads.set(post, fields);
    for (const [key, value] of Object.entries(post)) {
      Object.defineProperty(post, key, { enumerable: true, configurable: true, get: () => (fields.add(key), value) });
    }
  }
  const plan = planRoutes(graph, config, []);
  const uncovered: string[] = [];
  const fileFields = new Set(Object.keys(graph.posts[0]).filter((k) => !(ownPostGraphFields as readonly string[]).includes(k)));
  for (const route of plan.pages) {
    for (const fields of reads.values()) fields.clear();
    renderRoutes([route], graph, config, engine!);
    for (const [post, fields] of reads) {
      const own = route.context.post === post;
      const allowed = new Set<string>(own ? [...fileFields, ...ownPostGraphFields, ...cardFields] : cardFields);
      for (const field of fields) if (!allowed.has(field)) uncovered.push(`${route.url} reads ${field} of ${own ? 'its own post' : `the card of ${post.url}`}`);
    }
  }
  return { uncovered: [...new Set(uncovered)], graph, pages: plan.pages.length };
}

describe('page signatures', () => {
  it.each([
    { drafts: false, future: false },
    { drafts: true, future: true },
  ])('cover every post field the theme reads (%o)', async (flags) => {
    const { uncovered, graph, pages } = await renderRecording(flags);
    expect(pages).toBeGreaterThan(10);
    if (flags.drafts) expect(graph.posts.some((p) => p.draft)).toBe(true);
    expect(uncovered).toEqual([]);
  });
});
