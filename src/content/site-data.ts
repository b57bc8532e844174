import { parse as parseYaml } from 'yaml';
import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.js';

// `content/data/<name>.{json,yaml,yml}` → `site.data.<name>` for Liquid in
// bodies, as Jekyll's `_data/` and Eleventy's `_data/` provide. Plain data
// only: YAML with the core schema (no custom tags), aliases capped.

export interface DataFileText {
  /** Relative to the site root: `content/data/releases.yml`. */
  path: string;
  text: string;
}

/** Whether a file in content/data/ is a data file Liquid can read (top level, json or yaml). */
export function isSiteDataFile(within: string): boolean {
  return /^[A-Za-z0-9][\w-]*\.(json|ya?ml)$/.test(within);
}

export function parseSiteData(files: readonly DataFileText[]): { data: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const data: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const name = file.path.replace(/^.*\//, '').replace(/\.(json|ya?ml)$/, '');
    try {
      const value: unknown = file.path.endsWith('.json') ? JSON.parse(file.text) : parseYaml(file.text, { schema: 'core', maxAliasCount: 100, uniqueKeys: true });
      Object.defineProperty(data, name, { value, enumerable: true, writable: true, configurable: true });
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
      const at = /line (\d+), column (\d+)/.exec(detail);
      diagnostics.push(
        warning(codes.siteData, `data file cannot be read: ${detail}`, {
          file: file.path,
          line: at ? Number(at[1]) : undefined,
          column: at ? Number(at[2]) : undefined,
          hint: `fix the file; until then site.data.${name} is empty in article bodies`,
        }),
      );
    }
  }
  return { data, diagnostics };
}
