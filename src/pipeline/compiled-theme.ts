import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { generatorKey } from '../cache/generator-key.js';
import { createHelperRegistry } from '../render/helper-registry.js';
import { loadTemplates } from '../render/load-templates.js';
import { createTemplateEngine, type CompiledTemplate, type TemplateSet, type TemplateSource } from '../render/template-engine.js';
import { hashOf } from '../text/hash.js';

// The built-in theme, compiled when the package is built (`npm run build`, and
// `prepare` before a release): a build in a fresh process loads it instead of
// compiling it, which cost 0.25–0.3 of a one-post build's 1.5 CPU-seconds.
// Only the code that wrote it uses it (the generator key: lib/ as it was then,
// its dependencies' versions), and a template only when the text read now is
// the text compiled (its hash); anything else is compiled as before.

/** Beside the code folder that made it: lib/built-in-theme.v8 (the generator key reads no .v8 file, so writing it changes no key). */
export const compiledThemeFile = fileURLToPath(new URL('../built-in-theme.v8', import.meta.url));

interface CompiledTheme {
  generator: string;
  /** Source text hash → the template compiled from it. */
  templates: [string, CompiledTemplate][];
}

/** Compiles the built-in theme (a site with no templates of its own) and writes it to `file`; returns how many templates it holds. */
export function writeCompiledTheme(file = compiledThemeFile): number {
  const empty = mkdtempSync(join(tmpdir(), 'migrant-site-theme-'));
  try {
    const { engine, diagnostics } = createTemplateEngine(loadTemplates(empty), createHelperRegistry({ baseUrl: '/', language: 'en', timeZone: 'UTC' }));
    if (!engine) throw new Error(`the built-in theme does not compile: ${diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('; ')}`);
    const all = [...engine.sources.layouts, ...engine.sources.partials, ...(engine.sources.shortcodes ?? [])];
    const theme: CompiledTheme = { generator: generatorKey(), templates: all.map((t) => [hashOf(t.source), t.compiled!]) };
    writeFileSync(file, serialize(theme));
    return all.length;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

const loaded = new Map<string, Map<string, CompiledTemplate>>();

/** Read once per process: what `file` holds for this generator, by source hash; nothing when it is missing, unreadable or another generator's. */
function compiledTheme(file: string): Map<string, CompiledTemplate> {
  let templates = loaded.get(file);
  if (!templates) {
    templates = new Map();
    try {
      const theme = deserialize(readFileSync(file)) as CompiledTheme;
      if (theme.generator === generatorKey()) templates = new Map(theme.templates);
    } catch {
      // No compiled theme (the tests' src/, or a plain tsc): every template is compiled.
    }
    loaded.set(file, templates);
  }
  return templates;
}

/** The set with each template whose text was compiled into `file` carrying that compiled form (TemplateSource.compiled). */
export function withCompiledTheme(set: TemplateSet, file = compiledThemeFile): TemplateSet {
  const templates = compiledTheme(file);
  if (templates.size === 0) return set;
  const attach = (list: TemplateSource[]) =>
    list.map((t) => {
      const compiled = t.unreadable ? undefined : templates.get(hashOf(t.source));
      return compiled ? { ...t, compiled } : t;
    });
  return { layouts: attach(set.layouts), partials: attach(set.partials), shortcodes: set.shortcodes && attach(set.shortcodes) };
}
