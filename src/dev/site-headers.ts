import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// The dev server sends what `_headers` in the built site asks hosts to send
// (Netlify / Cloudflare Pages format: a path pattern, then indented
// `Name: value` lines), so a Content-Security-Policy problem shows up locally
// first. Caching rules are left out: the dev server never lets a browser keep
// a stale file.

export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon > 0 && rules.length && name.toLowerCase() !== 'cache-control') rules[rules.length - 1].headers.push([name, line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers `_headers` in `dir` gives a URL path; none when the site has no such file. Read per request, so a rebuild's file applies at once. */
export async function loadSiteHeaders(dir: string, path: string): Promise<[string, string][]> {
  const text = await readFile(join(dir, '_headers'), 'utf8').catch(() => '');
  return parseHeadersFile(text).flatMap((rule) => (rule.pattern.test(path) ? rule.headers : []));
}
