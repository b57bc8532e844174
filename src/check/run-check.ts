import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from '../cache/parse-cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteGraph } from '../graph/types.js';
import type { Logger } from '../log.js';
import { createParsePool } from '../pipeline/create-parse-pool.js';
import { openSite, runBuild } from '../pipeline/run-build.js';
import { toOutputPath } from '../routes/output-path.js';
import { checkExternalLinks } from './check-external-links.js';
import { checkLinks, type Unpublished } from './check-links.js';
import { checkPage, idsOf } from './check-pages.js';
import { locateProblems } from './locate-problems.js';
import { readBuiltSite } from './read-built-site.js';

export interface CheckOptions {
  configPath: string;
  baseUrl?: string;
  /** The build's clock; text (from `--now`) is read in the site's time zone. */
  now: Date | string;
  logger: Logger;
  workers?: number;
  /** Fetch external links too. */
  external?: boolean;
  fetch?: typeof fetch;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Pages and feeds checked; undefined when content errors stopped the build. */
  checked?: { pages: number; feeds: number };
}

/**
 * `migrant-site check`: builds the site into a temporary folder (the output
 * folder and the saved build state are left alone), reporting every config and
 * content problem at once, then checks the built pages, feeds and sitemaps.
 * Config errors throw SiteError, as in a build.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const temp = await mkdtemp(join(tmpdir(), 'migrant-site-check-'));
  try {
    const outDir = join(temp, 'site');
    const built = await runBuild({ configPath: options.configPath, baseUrl: options.baseUrl, now: options.now, logger: options.logger, workers: options.workers, outDir, buildState: false });
    if (!built.summary) return { diagnostics: built.diagnostics };
    const { graph, config, root } = await loadWholeGraph(options);
    const site = await readBuiltSite(outDir);
    const pages = site.documents.filter((d) => d.kind === 'page');
    const ids = new Map(pages.map((p) => [p.file, idsOf(p)]));
    const links = checkLinks({ site, baseUrl: config.baseUrl, ids, unpublished: unpublishedOf(graph, graph.now) });
    const problems = [...pages.flatMap(checkPage), ...links.problems];
    if (options.external) {
      problems.push(...(await checkExternalLinks(links.external, { cacheFile: join(cacheDir(root), 'external-links.json'), now: graph.now.getTime(), fetch: options.fetch })));
    }
    const sources = sourcesOf(graph);
    const lookup = { sourceOf: (file: string) => sources.get(file), read: (file: string) => readText(join(root, file)) };
    return {
      diagnostics: [...built.diagnostics, ...locateProblems(problems, lookup, config.baseUrl, config.outDir)],
      checked: { pages: pages.length, feeds: site.documents.length - pages.length },
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The site graph with drafts and embargoed articles, to tell a link to one of them from a plain broken link. */
async function loadWholeGraph(options: CheckOptions): Promise<{ graph: SiteGraph; config: { baseUrl: string; outDir: string }; root: string }> {
  const pool = createParsePool(options.workers);
  try {
    const { builder, config, root } = await openSite({ ...options, drafts: true, future: true, buildState: false }, pool);
    const { graph } = await builder.loadGraph();
    return { graph, config, root };
  } finally {
    await pool.close();
  }
}

function unpublishedOf(graph: SiteGraph, now: Date): Map<string, Unpublished> {
  const unpublished = new Map<string, Unpublished>();
  for (const post of graph.posts) {
    const file = toOutputPath(post.url);
    if (!file) continue;
    if (post.draft) unpublished.set(file, { file: post.sourcePath, reason: 'a draft' });
    else if (post.date > now) unpublished.set(file, { file: post.sourcePath, reason: 'embargoed' });
  }
  return unpublished;
}

/** Output path → source of every article and static page. */
function sourcesOf(graph: SiteGraph): Map<string, string> {
  return new Map(
    [...graph.posts, ...graph.pages].map((p) => [toOutputPath(p.url) ?? '', p.sourcePath] as const).filter(([file]) => file !== ''),
  );
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
