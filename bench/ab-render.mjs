// node bench/ab-render.mjs SITE ROUNDS ROOT_A ROOT_B
// The render of the same pages by two builds of the generator (each a folder with a compiled
// lib/), in one process, 64 pages at a time, taking turns: CPU ms per chunk for rendering
// on this thread, and for what a render worker would be sent (plain page contexts,
// serialized); the ratio B/A, and whether the two wrote the same HTML.
import { join } from 'node:path';
import { serialize } from 'node:v8';
const [site, rounds, ...roots] = process.argv.slice(2);
if (roots.length !== 2) {
  console.error('usage: node bench/ab-render.mjs SITE ROUNDS ROOT_A ROOT_B');
  process.exit(2);
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const sides = [];
for (const root of roots) {
  const lib = (p) => import(join(root, 'lib', p));
  const { loadConfig } = await lib('config/load-config.js');
  const { silentLogger } = await lib('log.js');
  const { createSiteBuilder } = await lib('pipeline/create-site-builder.js');
  const { createPageProjector } = await lib('pipeline/page-data.js');
  const { prepareTranslations } = await lib('pipeline/translations-step.js');
  const { createHelperRegistry } = await lib('render/helper-registry.js');
  const { loadTemplates } = await lib('render/load-templates.js');
  const { pageContext, renderPage, sharedContext } = await lib('render/render-routes.js');
  const { resolveBodyRefs } = await lib('render/resolve-body-refs.js');
  const { createTemplateEngine } = await lib('render/template-engine.js');
  const { planRoutes } = await lib('routes/plan-routes.js');
  const { config } = await loadConfig(join(site, 'site.same.json'));
  const { graph } = await createSiteBuilder({ root: site, config, now: new Date('2026-11-28T00:00:00Z'), logger: silentLogger }).loadGraph();
  const i18n = { translations: {} };
  const { engine } = createTemplateEngine(await loadTemplates(site), createHelperRegistry(config, (name) => `/assets/${name}`, () => i18n.translations));
  i18n.translations = await prepareTranslations(site, config, graph, engine, []);
  resolveBodyRefs([...graph.posts, ...graph.pages], graph, engine, config.baseUrl);
  const shared = sharedContext(graph, config);
  const routes = planRoutes(graph, config, []).pages;
  const nodes = new Map();
  sides.push({ root, routes, render: (r) => renderPage(r, pageContext(r, shared), engine, config), project: (rs) => { const p = createPageProjector(nodes); return serialize(rs.map((r) => p(pageContext(r, shared)))).length; }, ms: [], pms: [] });
  console.error('loaded', root, routes.length, 'routes');
}
const n = Math.min(...sides.map((s) => s.routes.length));
const chunk = 64; let at = 0, mismatches = 0;
for (let r = 0; r < +rounds; r++) {
  const from = at; at = (at + chunk) % n;
  const html = [];
  for (const s of r % 2 ? [...sides].reverse() : sides) {
    const rs = s.routes.slice(from, from + chunk);
    let t = cpu(); const out = rs.map(s.render); s.ms.push(cpu() - t); html.push(out.join('\n'));
    t = cpu(); s.project(rs); s.pms.push(cpu() - t);
  }
  if (html[0] !== html[1]) mismatches++;
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]; };
const sum = (a) => a.reduce((x, y) => x + y, 0);
for (const s of sides) console.log(s.root, `render ${sum(s.ms).toFixed(0)} ms (median chunk ${med(s.ms).toFixed(1)}); projection+serialize ${sum(s.pms).toFixed(0)} ms (median chunk ${med(s.pms).toFixed(1)})`);
const [a, b] = sides;
console.log(`B/A render: total ${(sum(b.ms) / sum(a.ms)).toFixed(3)}, median per-chunk ratio ${med(b.ms.map((m, i) => m / a.ms[i])).toFixed(3)}; projection: total ${(sum(b.pms) / sum(a.pms)).toFixed(3)}, median ratio ${med(b.pms.map((m, i) => m / a.pms[i])).toFixed(3)}; chunks with different HTML: ${mismatches} of ${rounds}`);
