import type { SiteConfig } from '../config/schema.js';
import { scanContent, type SourceFile } from '../content/scan-content.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildSiteGraph } from '../graph/build-site-graph.js';
import type { SiteGraph } from '../graph/types.js';
import type { HelperDef } from '../render/helper-registry.js';
import { loadTemplates } from '../render/load-templates.js';
import { createTemplateEngine, type TemplateEngine } from '../render/template-engine.js';
import { hashOf } from '../text/hash.js';
import type { Stage } from './build-pass.js';
import { withCompiledTheme } from './compiled-theme.js';
import type { ContentStore, LoadedContent } from './content-store.js';

// The first stages of a pass: content → graph, and templates → engine.

export interface LoadInputs {
  root: string;
  config: SiteConfig;
  store: ContentStore;
  now: Date;
  drafts: boolean;
  future: boolean;
}

export interface LoadedModel {
  files: SourceFile[];
  content: LoadedContent;
  graph: SiteGraph;
}

/** Scan, parse and link: the site graph, with the problems found on the way. */
export async function loadModel(i: LoadInputs, stage: Stage, diagnostics: Diagnostic[], changed: ReadonlySet<string> | undefined, previous?: SiteGraph): Promise<LoadedModel> {
  const scanned = await stage('scan', () => scanContent(i.root));
  diagnostics.push(...scanned.diagnostics);
  const content = await stage('parse', () => i.store.load(scanned.files, changed));
  diagnostics.push(...content.diagnostics);
  const built = await stage('graph', async () => buildSiteGraph({ ...content, now: i.now, includeDrafts: i.drafts, includeFuture: i.future }, i.config, previous));
  diagnostics.push(...built.diagnostics);
  return { files: scanned.files, content, graph: built.graph };
}

export interface LoadedEngine {
  engine?: TemplateEngine;
  /** Hash of every template's name and source. */
  templatesKey: string;
}

/** The template engine; `reuse` (the last pass's) is kept when no template changed. */
export async function loadEngine(root: string, helpers: Record<string, HelperDef>, stage: Stage, diagnostics: Diagnostic[], reuse?: LoadedEngine): Promise<LoadedEngine> {
  if (reuse) return reuse;
  const templates = withCompiledTheme(loadTemplates(root));
  const made = await stage('templates', async () => createTemplateEngine(templates, helpers));
  diagnostics.push(...made.diagnostics);
  return { engine: made.engine, templatesKey: hashOf(...[...templates.layouts, ...templates.partials, ...(templates.shortcodes ?? [])].flatMap((t) => [t.file, t.source])) };
}
