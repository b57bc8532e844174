import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { checkOutDir } from '../config/check-out-dir.js';
import { loadConfig } from '../config/load-config.js';
import type { SiteConfig } from '../config/schema.js';
import { scanContent } from '../content/scan-content.js';
import { codes } from '../diagnostics/codes.js';
import { error, hasErrors, SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildSiteGraph } from '../graph/build-site-graph.js';
import type { Logger } from '../log.js';
import { createHelperRegistry } from '../render/helper-registry.js';
import { loadTemplates } from '../render/load-templates.js';
import { checkOutputPaths } from '../render/check-output-paths.js';
import { toOutputPath } from '../render/output-path.js';
import { planRoutes } from '../render/plan-routes.js';
import { renderOutputs } from '../outputs/render-outputs.js';
import { renderRoutes } from '../render/render-routes.js';
import { createTemplateEngine } from '../render/template-engine.js';
import { listStaticFiles } from './list-static-files.js';
import { loadContent } from './load-content.js';
import { writeOutputs, type Output } from './write-outputs.js';

export interface BuildOptions {
  configPath: string;
  outDir?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  /** The build's clock: what counts as "future", and the date pages show. */
  now: Date;
  logger: Logger;
}

export interface BuildSummary {
  pages: number;
  files: number;
  unchanged: number;
  posts: number;
  tags: number;
  categories: number;
  skipped: { drafts: number; future: number };
  warnings: number;
  ms: number;
  outDir: string;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  summary?: BuildSummary;
}

/**
 * The pipeline, stage by stage. Config and I/O failures throw SiteError;
 * content and template problems are collected so one run reports them all,
 * and nothing is written unless the whole site rendered.
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const stage = timer(options.logger);
  const { config, root } = await stage('config', () => loadSiteConfig(options));
  const outDir = resolve(root, config.outDir);
  const diagnostics: Diagnostic[] = [];
  const stop = () => ({ diagnostics });

  const scanned = await stage('scan', () => scanContent(root));
  diagnostics.push(...scanned.diagnostics);
  const content = await stage('parse', () =>
    loadContent(scanned.files, { timeZone: config.timeZone, rawHtml: config.markdown.rawHtml, readingWordsPerMinute: config.readingWordsPerMinute }),
  );
  diagnostics.push(...content.diagnostics);
  const { graph, diagnostics: graphProblems } = await stage('graph', async () =>
    buildSiteGraph({ ...content, now: options.now, includeDrafts: !!options.drafts, includeFuture: !!options.future }, config),
  );
  diagnostics.push(...graphProblems);
  if (hasErrors(diagnostics)) return stop();

  const templates = await stage('templates', () => loadTemplates(root));
  const { engine, diagnostics: templateProblems } = createTemplateEngine(templates, createHelperRegistry(config));
  diagnostics.push(...templateProblems);
  const staticFiles = await listStaticFiles(root, scanned.files);
  const plan = planRoutes(graph, config, staticFiles);
  if (!engine || hasErrors(diagnostics)) return stop();

  const rendered = await stage('render', async () => collect(() => renderRoutes(plan.pages, graph, config, engine), diagnostics));
  if (!rendered) return stop();
  const pageInfo = rendered.map(({ route, html }) => ({ url: route.url, html, kind: route.meta.kind, lastmod: route.lastmod }));
  const generated = await stage('outputs', () => renderOutputs(graph, config, pageInfo));
  const generatedClaims = generated.map((g) => ({ ...g, outputPath: toOutputPath(g.url) ?? '' }));
  diagnostics.push(...checkOutputPaths([...plan.pages, ...plan.copies, ...generatedClaims]));
  if (hasErrors(diagnostics)) return stop();

  const outputs: Output[] = [
    ...rendered.map((r) => ({ path: r.route.outputPath, data: r.html })),
    ...plan.copies.map((c) => ({ path: c.outputPath, copyFrom: c.copyFrom })),
    ...generatedClaims.map((g) => ({ path: g.outputPath, data: g.data })),
  ];
  const written = await stage('write', () => writeOutputs(outDir, outputs));

  return {
    diagnostics,
    summary: {
      pages: rendered.length,
      files: outputs.length,
      unchanged: written.unchanged,
      posts: graph.posts.length,
      tags: graph.tags.length,
      categories: graph.categories.length,
      skipped: graph.skipped,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      ms: performance.now() - started,
      outDir,
    },
  };
}

async function loadSiteConfig(options: BuildOptions): Promise<{ config: SiteConfig; root: string }> {
  const { config, root } = await loadConfig(options.configPath);
  const overridden: SiteConfig = {
    ...config,
    outDir: options.outDir ?? config.outDir,
    baseUrl: options.baseUrl ? withSlash(options.baseUrl) : config.baseUrl,
  };
  if (options.baseUrl && !/^https?:\/\/[^/]/.test(options.baseUrl)) {
    throw new SiteError(error(codes.configInvalid, `--base-url must be an absolute http(s) URL (got ${JSON.stringify(options.baseUrl)})`, { hint: 'for example --base-url https://preview.example.org/news/' }));
  }
  const unsafe = checkOutDir(root, overridden.outDir, homedir());
  if (unsafe) throw new SiteError(unsafe);
  return { config: overridden, root };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Runs a stage that may throw SiteError, turning it into collected diagnostics. */
function collect<T>(run: () => T, diagnostics: Diagnostic[]): T | undefined {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof SiteError)) throw e;
    diagnostics.push(...e.diagnostics);
    return undefined;
  }
}

function timer(logger: Logger) {
  return async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    logger.debug(`  ${name.padEnd(10)} ${(performance.now() - t).toFixed(1).padStart(8)} ms`);
    return result;
  };
}
