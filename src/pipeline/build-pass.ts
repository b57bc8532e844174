import type { SourceFile } from '../content/scan-content.js';
import { SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Post, SiteGraph } from '../graph/types.js';
import type { Logger } from '../log.js';
import type { RoutePlan } from '../routes/plan-routes.js';
import type { TemplateEngine } from '../render/template-engine.js';
import type { ExternalFeeds } from '../external-feeds/types.js';
import type { SignedRoute } from './route-signatures.js';

// What a build pass returns and what the site builder keeps between passes,
// shared by the full pass and the body-edit fast path.

export interface BuildSummary {
  pages: number;
  /** Pages rendered in this pass (all of them in a full build). */
  rendered: number;
  files: number;
  written: number;
  posts: number;
  tags: number;
  categories: number;
  skipped: { drafts: number; future: number };
  warnings: number;
  ms: number;
  outDir: string;
  /** Site-relative URLs whose output changed or disappeared. */
  changedUrls: string[];
  /** What the change was, for the watch log: `tags of content/posts/x.md changed (+greece −italy)`. */
  reason: string;
  /** Nothing changed since the last complete build: its output was kept as it was, unread and untouched. */
  unchanged?: boolean;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  summary?: BuildSummary;
  /** Milliseconds per stage, in run order. */
  timings: Record<string, number>;
}

/** What the last good pass left, for the next pass to compare against. */
export interface Committed {
  engine: TemplateEngine;
  templatesKey: string;
  signatures: Map<string, string>;
  /** What each page's signature was made from, when later passes follow (serve --watch); see planRender. */
  signed?: ReadonlyMap<string, SignedRoute>;
  global: string;
  /** Every output path of the site → its URL. */
  urls: Map<string, string>;
  posts: Map<string, Post>;
  /** Article pages, for a deferred search index. */
  articles: { url: string; outputPath: string }[];
  /** Articles changed since the search index was last made. */
  searchStale: boolean;
  /** For the body-edit fast path: what the last pass scanned, linked and planned. */
  files: SourceFile[];
  graph: SiteGraph;
  plan: RoutePlan;
  /** The external feeds the pages show, kept for the body-edit fast path. */
  externalFeeds: ExternalFeeds;
}

export type Stage = <T>(name: string, run: () => Promise<T>) => Promise<T>;

/** One build pass's clock, stage timer and collected problems. */
export interface Pass {
  started: number;
  timings: Record<string, number>;
  stage: Stage;
  diagnostics: Diagnostic[];
  /** The result of a pass that ends with errors: nothing was written. */
  stop(): BuildResult;
  finish(summary: BuildSummary): BuildResult;
}

export function startPass(logger: Logger): Pass {
  const timings: Record<string, number> = {};
  const diagnostics: Diagnostic[] = [];
  return {
    started: performance.now(),
    timings,
    stage: timer(logger, timings),
    diagnostics,
    stop: () => ({ diagnostics, timings }),
    finish: (summary) => ({ diagnostics, timings, summary }),
  };
}

export interface SummaryInputs {
  graph: SiteGraph;
  pages: number;
  rendered: number;
  files: number;
  written: number;
  diagnostics: Diagnostic[];
  started: number;
  outDir: string;
  changedUrls: string[];
  reason: string;
}

export function summarize(i: SummaryInputs): BuildSummary {
  return {
    pages: i.pages,
    rendered: i.rendered,
    files: i.files,
    written: i.written,
    posts: i.graph.posts.length,
    tags: i.graph.tags.length,
    categories: i.graph.categories.length,
    skipped: i.graph.skipped,
    warnings: i.diagnostics.filter((d) => d.severity === 'warning').length,
    ms: performance.now() - i.started,
    outDir: i.outDir,
    changedUrls: [...i.changedUrls].sort(),
    reason: i.reason,
  };
}

/** Waits for a stage that may throw SiteError, turning it into collected diagnostics. */
export async function collect<T>(work: Promise<T>, diagnostics: Diagnostic[]): Promise<T | undefined> {
  try {
    return await work;
  } catch (e) {
    if (!(e instanceof SiteError)) throw e;
    diagnostics.push(...e.diagnostics);
    return undefined;
  }
}

export function timer(logger: Logger, timings: Record<string, number>): Stage {
  return async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    timings[name] = performance.now() - t;
    logger.debug(`  ${name.padEnd(10)} ${timings[name].toFixed(1).padStart(8)} ms`);
    return result;
  };
}
