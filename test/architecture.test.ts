import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/temp-site.js';

// The module map of ../shared/DESIGN.md, enforced: a wrong-direction import or
// a library used outside its one module fails here, not in review.

const src = join(repoRoot, 'src');
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));

/** Folders each folder may import from (besides itself). */
const allowed: Record<string, string[]> = {
  cli: ['pipeline', 'cache', 'check', 'dev', 'config', 'diagnostics', 'graph', 'render', 'text', 'log.ts', 'version.ts'],
  config: ['diagnostics', 'text', 'paths'],
  content: ['graph', 'config', 'diagnostics', 'text', 'paths'],
  graph: ['config', 'diagnostics', 'text'],
  routes: ['graph', 'config', 'diagnostics', 'paths', 'text'],
  render: ['graph', 'routes', 'config', 'diagnostics', 'paths', 'text', 'external-feeds', 'images'],
  outputs: ['graph', 'routes', 'config', 'diagnostics', 'paths', 'text'],
  cache: ['content', 'diagnostics', 'paths', 'text'],
  write: ['diagnostics', 'paths'],
  pipeline: ['content', 'graph', 'routes', 'render', 'outputs', 'cache', 'write', 'external-feeds', 'images', 'config', 'diagnostics', 'paths', 'text', 'log.ts', 'version.ts'],
  // Pictures: sizes, resized copies and social rasters (the image library at the edge, loaded on demand); pure markup for render/.
  images: ['graph', 'routes', 'content', 'cache', 'write', 'config', 'diagnostics', 'paths', 'text'],
  // Network at the edge: called by the pipeline, knows nothing of templates or the graph.
  'external-feeds': ['config', 'diagnostics', 'log.ts'],
  dev: ['pipeline', 'diagnostics', 'paths', 'log.ts'],
  check: ['pipeline', 'cache', 'write', 'routes', 'graph', 'diagnostics', 'paths', 'text', 'log.ts'],
  diagnostics: [],
  paths: [],
  text: [],
};

/** The one folder (or file) that may import each library. */
const owners: [RegExp, string][] = [
  [/^commander$/, 'cli'],
  [/^(unified|remark-|rehype-|micromark-|mdast-util-)/, 'content'],
  [/^yaml$/, 'content'],
  [/^smol-toml$/, 'content/front-matter-toml.ts'],
  [/^liquidjs$/, 'content/liquid-body.ts'],
  [/^(zod|jsonc-parser)$/, 'config'],
  [/^handlebars$/, 'render/template-engine.ts'],
  [/^(chokidar)$/, 'dev/watch-site.ts'],
  [/^sirv$/, 'dev/create-static-server.ts'],
  [/^pagefind$/, 'outputs/search-index.ts'],
  [/^piscina$/, 'pipeline/worker-threads.ts'],
  [/^sharp$/, 'images/sharp-codec.ts'],
  [/^(@rowanmanning\/feed-parser|fast-xml-parser|parse5)$/, 'external-feeds/parse-external-feed.ts'],
  [/^htmlparser2$/, 'check/parse-markup.ts'],
];

function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)].map((m) => m[1] ?? m[2]);
}

const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0] : file.replace(/\.js$/, '.ts'));

describe('module boundaries', () => {
  it.each(files)('%s imports only what its folder may', (file) => {
    const folder = folderOf(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = folderOf(relative(src, join(src, dirname(file), spec)).split('\\').join('/'));
        if (target !== folder) expect(allowed[folder] ?? [], `${file} imports ${spec}`).toContain(target);
      } else if (spec.startsWith('node:')) {
        expect(folder, `${file} imports ${spec}: the graph is pure`).not.toBe('graph');
      } else if (spec !== 'mdast' && spec !== 'hast') {
        const owner = owners.find(([pattern]) => pattern.test(spec));
        expect(owner, `${file} imports ${spec}, which no module owns`).toBeDefined();
        expect(file.startsWith(owner![1]), `${file} imports ${spec}, which belongs to ${owner![1]}`).toBe(true);
      }
    }
  });
});
