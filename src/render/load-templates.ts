import { readFileSync } from 'node:fs';
import { codes } from '../diagnostics/codes.js';
import { isIgnoredPath } from '../paths/ignored-files.js';
import { error } from '../diagnostics/diagnostic.js';
import { decodeUtf8, saveAsUtf8 } from '../text/decode-utf8.js';
import type { TemplateSet, TemplateSource } from './template-engine.js';
import { listThemeFiles, type ThemeFile } from './theme-files.js';

/**
 * Layouts (`layouts/*.hbs`), partials (`partials/**\/*.hbs`) and shortcodes
 * (`shortcodes/*.hbs`), named by path without extension: the site's
 * `templates/` overrides the built-in theme file by file.
 */
export function loadTemplates(root: string): TemplateSet {
  return {
    layouts: readHbs(listThemeFiles(root, 'layouts', false)),
    partials: readHbs(listThemeFiles(root, 'partials', true)),
    shortcodes: readHbs(listThemeFiles(root, 'shortcodes', false)),
  };
}

function readHbs(files: ThemeFile[]): TemplateSource[] {
  return files.filter((f) => f.name.endsWith('.hbs') && !isIgnoredPath(f.name)).map((f) => decodeTemplate(f, readFileSync(f.absPath)));
}

/** Strict UTF-8, as for content: a mis-saved template is an error naming it, never "�" on every page. */
function decodeTemplate(f: ThemeFile, bytes: Uint8Array): TemplateSource {
  const template = { name: f.name.replace(/\.hbs$/, ''), file: f.file, overriddenBy: f.overriddenBy };
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return { ...template, source: decoded.text };
  const unreadable = error(codes.templateEncoding, 'template is not valid UTF-8 text', { file: f.file, ...decoded.invalidAt, hint: saveAsUtf8 });
  return { ...template, source: '', unreadable };
}
