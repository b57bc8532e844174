import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../text/did-you-mean.js';
import { parseDate } from './parse-date.js';

export interface FieldContext {
  file: string;
  pathPositions: Record<string, Position>;
  valuePositions: Record<string, Position>;
  diagnostics: Diagnostic[];
  /** The front matter is broken and this is what could be read before the break: an absent field may just be unread. */
  partial?: boolean;
}

export interface ListOptions {
  /** Tag/category names: trimmed, NFC-normalised and capped in length. */
  term?: boolean;
  max?: number;
  /** Returns a problem ("must start with '/'") for an entry, or undefined. */
  check?: (entry: string) => string | undefined;
  /** How to fix a bad entry. */
  hint?: string;
}

export interface FieldReader {
  keys(): string[];
  has(key: string): boolean;
  /** The value as parsed, to tell which form a field is written in. */
  value(key: string): unknown;
  string(key: string, options?: { required?: boolean; hint?: string }): string | undefined;
  boolean(key: string): boolean | undefined;
  date(key: string, timeZone: string, options?: { required?: boolean }): Date | undefined;
  list(key: string, options?: ListOptions): string[] | undefined;
  mapping(key: string, hint: string): FieldReader | undefined;
  /**
   * Warns about keys outside `known`, except those in `ignore` (compared
   * without regard to case). `keptIn` names where templates find the value
   * (`post.params`) when unknown keys are kept rather than dropped.
   */
  warnUnknownKeys(known: readonly string[], options?: { ignore?: readonly string[]; keptIn?: string }): void;
  /** Reports a problem at the key (or list element) `key` of this mapping. */
  fail(code: string, key: string, message: string, hint?: string): void;
  /** Reports a guess or a loss at the key `key` of this mapping, without failing the file. */
  warn(code: string, key: string, message: string, hint?: string): void;
}

const maxTermLength = 100;
const yesWords = new Set(['true', 'yes', 'y', 'on']);
const noWords = new Set(['false', 'no', 'n', 'off']);
const dateHint = 'use YYYY-MM-DD, or ISO 8601 with a time such as 2024-11-06T09:30 or 2024-11-06T09:30:00+01:00';

/**
 * Typed reads of one front-matter mapping (`prefix` '' for the top level,
 * 'image' for a nested one). Each read reports its own problems at the key
 * into the shared context and returns undefined when the value is unusable.
 */
export function createFieldReader(data: Record<string, unknown>, prefix: string, ctx: FieldContext): FieldReader {
  const pathOf = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  const place = (path: string) => ({ file: ctx.file, ...(ctx.pathPositions[path] ?? { line: 1, column: 1 }) });
  const report = (make: typeof error, code: string, path: string, message: string, hint?: string) =>
    ctx.diagnostics.push(make(code, message, { ...place(path), ...(hint === undefined ? {} : { hint }) }));
  const has = (key: string) => Object.hasOwn(data, key) && data[key] !== null && data[key] !== undefined;
  const fail = (code: string, key: string, message: string, hint?: string) => report(error, code, pathOf(key), message, hint);
  /** A value of the wrong form is reported where the value starts, as editors look for it there. */
  const failValue = (code: string, key: string, message: string, hint?: string) => {
    const at = ctx.valuePositions[pathOf(key)];
    if (!at) return fail(code, key, message, hint);
    ctx.diagnostics.push(error(code, message, { file: ctx.file, ...at, ...(hint === undefined ? {} : { hint }) }));
  };

  /** An absent key is reported where its mapping starts (1:1 for the top level); an empty one at itself. */
  const missing = (key: string, hint: string) => {
    if (ctx.partial && !Object.hasOwn(data, key)) return;
    const written = Object.hasOwn(data, key);
    const path = pathOf(key);
    report(error, codes.fieldMissing, written ? path : prefix, `'${path}' is ${written ? 'empty' : 'missing'}`, hint);
  };
  const wrongType = (key: string, expected: string, value: unknown, hint?: string) =>
    failValue(codes.fieldType, key, `'${pathOf(key)}' must be ${expected}, not ${describe(value)}`, hint);

  const reader: FieldReader = {
    keys: () => Object.keys(data),
    has,
    value: (key) => (has(key) ? data[key] : undefined),
    fail,
    warn: (code, key, message, hint) => report(warning, code, pathOf(key), message, hint),
    string(key, { required = false, hint = `add a line such as "${key}: …"` } = {}) {
      const value = has(key) ? data[key] : undefined;
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
      if (value !== undefined && typeof value !== 'string') wrongType(key, 'text', value, 'put the value in quotes if it should be text');
      else if (required) missing(key, hint);
      return undefined;
    },
    boolean(key) {
      if (!has(key)) return undefined;
      const value = data[key];
      if (typeof value === 'boolean') return value;
      // YAML 1.1 (Jekyll's Psych, Hugo's go-yaml) reads these as booleans; the core schema leaves them text.
      const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (yesWords.has(word)) return true;
      if (noWords.has(word)) return false;
      wrongType(key, 'true or false', value, 'write true or false (yes/no and on/off are read too)');
      return undefined;
    },
    date(key, timeZone, { required = false } = {}) {
      if (!has(key)) {
        if (required) missing(key, `add a line such as "${key}: 2024-11-06"`);
        return undefined;
      }
      const date = parseDate(data[key], timeZone);
      if (!date) failValue(codes.invalidDate, key, `'${pathOf(key)}' is not a valid date (got ${shown(data[key])})`, dateHint);
      return date;
    },
    list(key, options = {}) {
      if (!has(key)) return undefined;
      const value = data[key];
      // A plain string is one entry: `tags: asylum` means the same as `tags: [asylum]`.
      if (typeof value === 'string') return readEntries([value], key, () => key, options);
      if (!Array.isArray(value)) {
        wrongType(key, 'text or a list of text', value, `write it as ${key}: [first, second]`);
        return undefined;
      }
      if (options.max !== undefined && value.length > options.max) {
        fail(codes.fieldType, key, `'${pathOf(key)}' has ${value.length} entries; at most ${options.max} are allowed`, 'keep the most relevant ones');
        return undefined;
      }
      return readEntries(value, key, (index) => `${key}.${index}`, options);
    },
    mapping(key, hint) {
      if (!has(key)) return undefined;
      const value = data[key];
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return createFieldReader(value as Record<string, unknown>, pathOf(key), ctx);
      }
      wrongType(key, 'a mapping', value, hint);
      return undefined;
    },
    warnUnknownKeys(known, { ignore = [], keptIn } = {}) {
      const ignored = new Set(ignore.map((k) => k.toLowerCase()));
      for (const key of Object.keys(data).filter((k) => !known.includes(k) && !ignored.has(k.toLowerCase()))) {
        const suggestion = didYouMean(key, known);
        const silence = 'if it is your own field, list it in "content": { "ignoreKeys": [...] } of site.config.json to silence this';
        const hint = suggestion ? `did you mean '${suggestion}'?${keptIn ? ` Or ${silence}` : ''}` : keptIn ? silence : `known fields: ${known.join(', ')}`;
        const fate = keptIn ? `is kept as ${keptIn}.${key}` : 'is ignored';
        report(warning, codes.unknownField, pathOf(key), `unknown field '${pathOf(key)}' ${fate}`, hint);
      }
    },
  };

  /** Valid, de-duplicated entries; undefined when any entry is wrong. */
  function readEntries(values: unknown[], key: string, at: (index: number) => string, options: ListOptions): string[] | undefined {
    const entries: string[] = [];
    let ok = true;
    values.forEach((value, index) => {
      const path = pathOf(at(index));
      const problem = entryProblem(value, options);
      if (problem) {
        ok = false;
        report(error, codes.fieldType, path, `'${pathOf(key)}' ${problem}`, options.hint ?? 'write each entry as non-empty text');
        return;
      }
      const entry = normalise(value as string, options);
      if (!entries.includes(entry)) entries.push(entry);
    });
    return ok ? entries : undefined;
  }

  return reader;
}

function entryProblem(value: unknown, options: ListOptions): string | undefined {
  if (typeof value !== 'string') return `entries must be text, not ${describe(value)}`;
  const entry = normalise(value, options);
  if (entry === '') return 'has an empty entry';
  if (options.term && entry.length > maxTermLength) return `entry is ${entry.length} characters long; at most ${maxTermLength} are allowed`;
  return options.check?.(entry);
}

function normalise(value: string, options: ListOptions): string {
  return options.term ? value.trim().normalize('NFC') : value.trim();
}

function shown(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : describe(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'number') return `a number (${value})`;
  const text = String(value);
  return `text ("${text.length > 40 ? `${text.slice(0, 40)}…` : text}")`;
}
