import type { SiteConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { keyPlace } from '../graph/key-place.js';
import type { SiteGraph } from '../graph/types.js';
import { checkTranslations } from '../render/check-translations.js';
import { loadTranslations } from '../render/load-translations.js';
import type { TemplateEngine } from '../render/template-engine.js';
import type { Translations } from '../render/translations.js';

/**
 * The theme's words for this pass, read again each pass (a few small files) so
 * an edited translation shows in the next rebuild; the signatures of the pages
 * in each language cover the tables they read.
 */
export function prepareTranslations(root: string, config: SiteConfig, graph: SiteGraph, engine: TemplateEngine, diagnostics: Diagnostic[]): Translations {
  const loaded = loadTranslations(root);
  diagnostics.push(...loaded.diagnostics, ...checkTranslations(loaded, engine.literalCalls('t'), languagesOf(graph, config)));
  return loaded.translations;
}

/** Each language pages are written in, with where it is first set: the config's `language`, or an article's or page's `lang:`. */
function languagesOf(graph: SiteGraph, config: SiteConfig): Map<string, Partial<Diagnostic>> {
  const languages = new Map<string, Partial<Diagnostic>>([[config.language, { file: 'site.config.json' }]]);
  for (const item of [...graph.posts, ...graph.pages]) {
    if (!languages.has(item.lang)) languages.set(item.lang, keyPlace(item, 'lang'));
  }
  return languages;
}
