import { readFileSync } from 'node:fs';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8, saveAsUtf8 } from '../text/decode-utf8.js';
import { readLanguageTag } from '../text/language.js';
import { listThemeFiles } from './theme-files.js';
import type { MessageTable, Translations } from './translations.js';

export interface LoadedTranslations {
  translations: Translations;
  /** Language → the file its table came from, as diagnostics name it. */
  files: Record<string, string>;
  diagnostics: Diagnostic[];
}

const pluralCategories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/**
 * `i18n/<lang>.json` of the theme: the site's `templates/i18n/<lang>.json`
 * replaces the built-in file of that language, and may add languages.
 */
export function loadTranslations(root: string): LoadedTranslations {
  const loaded: LoadedTranslations = { translations: {}, files: {}, diagnostics: [] };
  for (const f of listThemeFiles(root, 'i18n', false)) {
    if (!f.name.endsWith('.json')) continue;
    const fail = (message: string, hint: string, at: { line?: number; column?: number } = {}) =>
      loaded.diagnostics.push(error(codes.translationFile, message, { file: f.file, ...at, hint }));
    const tag = readLanguageTag(f.name.slice(0, -'.json'.length));
    if ('problem' in tag) {
      fail(`the file name is not a language: ${tag.problem}`, 'name translation files by language tag: i18n/ar.json, i18n/pt-BR.json');
      continue;
    }
    const decoded = decodeUtf8(readFileSync(f.absPath));
    if (!('text' in decoded)) {
      fail('translation file is not valid UTF-8 text', saveAsUtf8, decoded.invalidAt);
      continue;
    }
    const table = parseTable(decoded.text, fail);
    if (table) {
      loaded.translations[tag.tag] = table;
      loaded.files[tag.tag] = f.file;
    }
  }
  return loaded;
}

type Fail = (message: string, hint: string, at?: { line?: number; column?: number }) => void;

function parseTable(text: string, fail: Fail): MessageTable | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    const offset = Number(/position (\d+)/.exec(String((cause as Error).message))?.[1] ?? 0);
    const before = text.slice(0, offset).split('\n');
    fail(`invalid JSON: ${(cause as Error).message}`, 'write one JSON object of "key": "text" pairs', { line: before.length, column: before.at(-1)!.length + 1 });
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail('a translation file holds one JSON object', 'write { "share": "Share", … }');
    return undefined;
  }
  const table: MessageTable = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') table[key] = value;
    else if (isPlural(value)) table[key] = value;
    else fail(`"${key}" must be a text or plural forms`, 'write "key": "text", or "key": { "one": "{count} article", "other": "{count} articles" }', lineOf(text, key));
  }
  return table;
}

function isPlural(value: unknown): value is MessageTable[string] & object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return typeof (value as { other?: unknown }).other === 'string' && entries.every(([category, text]) => pluralCategories.has(category) && typeof text === 'string');
}

/** Where `"key":` is written, for a problem with its value. */
function lineOf(text: string, key: string): { line?: number; column?: number } {
  const index = text.indexOf(`${JSON.stringify(key)}:`);
  if (index === -1) return {};
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
