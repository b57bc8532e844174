import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { toPosix } from '../paths/is-inside.js';
import type { TemplateSet, TemplateSource } from './template-engine.js';

/** Reads `templates/layouts/*.hbs`, `templates/partials/**\/*.hbs` and `templates/shortcodes/*.hbs`, named by path without extension. */
export async function loadTemplates(root: string): Promise<TemplateSet> {
  const dir = join(root, 'templates');
  return {
    layouts: await readHbs(root, join(dir, 'layouts'), false),
    partials: await readHbs(root, join(dir, 'partials'), true),
    shortcodes: await readHbs(root, join(dir, 'shortcodes'), false),
  };
}

async function readHbs(root: string, dir: string, recursive: boolean): Promise<TemplateSource[]> {
  const entries = await readdir(dir, { recursive, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.hbs') && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(
    files.map(async (abs) => ({
      name: toPosix(relative(dir, abs)).replace(/\.hbs$/, ''),
      file: toPosix(relative(root, abs)),
      source: await readFile(abs, 'utf8'),
    })),
  );
}
