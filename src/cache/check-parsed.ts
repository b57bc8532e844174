import type { ParsedSource } from '../content/parse-source.js';

// The parse cache is input like any other: a CI cache restored from another
// branch, or a file planted in `.cache/`, may hold anything. An entry is used
// only if it has exactly the shape the parser produces; anything else is
// dropped and the file parsed again, so a corrupt cache never crashes a build.

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === 'boolean';
const isDate: Check = (v) => v instanceof Date && !Number.isNaN(+v);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const arrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const recordOf = (check: Check): Check => (v) => isPlain(v) && Object.values(v).every(check);
const shape = (fields: Record<string, Check>): Check => (v) => isPlain(v) && Object.entries(fields).every(([key, check]) => check(v[key]));

const position = shape({ line: isNumber, column: isNumber });
const diagnostic = shape({ code: isString, severity: (v) => v === 'error' || v === 'warning', message: isString, file: optional(isString), line: optional(isNumber), column: optional(isNumber), hint: optional(isString) });
const image = shape({ src: isString, alt: isString, caption: optional(isString), credit: optional(isString) });
const heading = shape({ depth: isNumber, id: isString, text: isString });

const post = shape({
  sourcePath: isString,
  slug: isString,
  title: isString,
  date: isDate,
  updated: optional(isDate),
  authorIds: arrayOf(isString),
  categories: arrayOf(isString),
  tags: arrayOf(isString),
  summary: isString,
  standfirst: optional(isString),
  image: optional(image),
  draft: isBoolean,
  featured: isBoolean,
  aliases: arrayOf(isString),
  html: isString,
  wordCount: isNumber,
  readingMinutes: isNumber,
  headings: arrayOf(heading),
  positions: recordOf(position),
});
const page = shape({ sourcePath: isString, slug: isString, title: isString, description: isString, html: isString, positions: recordOf(position) });
const author = shape({ id: isString, sourcePath: isString, name: isString, role: optional(isString), avatar: optional(isString), email: optional(isString), social: recordOf(isString), bioHtml: isString });

const bodies: Record<ParsedSource['kind'], [string, Check]> = { post: ['post', post], page: ['page', page], author: ['author', author] };

/** Whether a value loaded from the cache is a parse result for `path` (and nothing else). */
export function isParsedSource(value: unknown, path: string): value is ParsedSource {
  if (!isPlain(value) || !Object.hasOwn(bodies, value.kind as string) || !arrayOf(diagnostic)(value.diagnostics)) return false;
  const [field, check] = bodies[value.kind as ParsedSource['kind']];
  const body = value[field];
  return body === undefined || (check(body) && (body as { sourcePath: unknown }).sourcePath === path);
}
