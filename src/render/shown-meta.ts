import type { PageMeta } from '../routes/plan-routes.js';
import type { TemplateContext } from './context.js';
import type { TemplateEngine } from './template-engine.js';

/** A page's meta as its templates see it: a title in the theme's words ("Tags", "Asylum: page 2") is written in the page's language. */
export function shownMeta(meta: PageMeta, lang: string, engine: TemplateEngine): TemplateContext['meta'] {
  const { title } = meta;
  return { ...meta, title: typeof title === 'string' ? title : engine.text(title.key, title.params ?? {}, lang) };
}
