import type { SiteConfig } from '../config/schema.js';
import { SiteError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PageContext } from '../render/render-routes.js';
import { createHelperRegistry } from '../render/helper-registry.js';
import { renderPage } from '../render/render-routes.js';
import { createTemplateEngine, type TemplateEngine, type TemplateSet } from '../render/template-engine.js';
import type { PageRoute } from '../routes/plan-routes.js';
import type { Translations } from '../render/translations.js';

// Runs in a worker thread: page contexts in (plain data, see page-data.ts),
// HTML out. The templates arrive compiled (TemplateSource.compiled); the
// engine made from them is kept for as long as the main thread sends the same setup.

/** What a thread needs to render as the main thread does: the same templates, config, asset URLs and words, hence the same helpers. */
export interface RenderSetup {
  /** Changes whenever anything else here does. */
  key: string;
  templates: TemplateSet;
  config: SiteConfig;
  /** Theme asset name → fingerprinted URL (the `asset` helper). */
  assets: [string, string][];
  /** The words of every language (the `t` helper). */
  translations: Translations;
}

export interface RenderBatch {
  setup: RenderSetup;
  pages: { route: Pick<PageRoute, 'layout' | 'origin'>; context: PageContext }[];
}

/** The pages' HTML in batch order, or the template error that stopped the batch (a SiteError's diagnostics, which do not survive being thrown across threads). */
export type RenderBatchResult = { html: string[] } | { diagnostics: Diagnostic[] };

let compiled: { key: string; engine: TemplateEngine } | undefined;

export function renderBatch({ setup, pages }: RenderBatch): RenderBatchResult {
  try {
    const engine = engineFor(setup);
    return { html: pages.map((p) => renderPage(p.route, p.context, engine, setup.config)) };
  } catch (e) {
    if (e instanceof SiteError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

function engineFor(setup: RenderSetup): TemplateEngine {
  if (compiled?.key !== setup.key) {
    const assets = new Map(setup.assets);
    // The main thread compiled these templates already, so they load here too; if not, say so rather than render differently.
    const made = createTemplateEngine(setup.templates, createHelperRegistry(setup.config, (name) => assets.get(name), () => setup.translations));
    if (!made.engine) throw new SiteError(made.diagnostics);
    compiled = { key: setup.key, engine: made.engine };
  }
  return compiled.engine;
}
