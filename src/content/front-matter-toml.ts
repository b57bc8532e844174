import { parse, TomlDate, TomlError } from 'smol-toml';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import { isUnsafeKey } from '../text/unsafe-keys.js';
import type { FrontMatterData } from './front-matter-yaml.js';

// Hugo's `+++` front matter. smol-toml builds objects without a prototype and
// keeps `__proto__` as a plain key, so refusing the unsafe keys after parsing
// is enough; positions come from a light scan of the lines, as the parser keeps none.

/** Parses TOML between the fences; `lineOffset` as for YAML. */
export function parseFrontMatterToml(source: string, file: string, lineOffset: number): FrontMatterData {
  const places = scanTomlPlaces(source, lineOffset);
  const result = { positions: places.positions, pathPositions: places.pathPositions, valuePositions: places.valuePositions };
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(source);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const message = e.message.replace(/^Invalid TOML document: /, '').split('\n')[0];
    return {
      ...result,
      diagnostics: [
        error(codes.frontMatterToml, `invalid TOML: ${message}`, {
          file,
          line: e.line + lineOffset,
          column: e.column,
          hint: 'write each field as key = value, text in double quotes, e.g. title = "Border crossings rise"',
        }),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const data = toPlainData(parsed, '', (path) =>
    diagnostics.push(
      error(codes.frontMatterUnsafeKey, `key '${path.split('.').pop()}' is not allowed in front matter`, {
        file,
        ...(places.pathPositions[path] ?? { line: lineOffset + 1, column: 1 }),
        hint: 'rename or remove the key; it could change how every object in the build behaves',
      }),
    ),
  ) as Record<string, unknown>;
  return diagnostics.length > 0 ? { ...result, diagnostics } : { ...result, data, diagnostics };
}

/** Plain objects and arrays; TOML dates become the text YAML front matter would give. */
function toPlainData(value: unknown, path: string, refuse: (path: string) => void): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map((item, i) => toPlainData(item, `${path}.${i}`, refuse));
  if (typeof value !== 'object' || value === null) return value;
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const keyPath = path === '' ? key : `${path}.${key}`;
    if (isUnsafeKey(key)) refuse(keyPath);
    else plain[key] = toPlainData((value as Record<string, unknown>)[key], keyPath, refuse);
  }
  return plain;
}

interface TomlPlaces {
  positions: Record<string, Position>;
  pathPositions: Record<string, Position>;
  valuePositions: Record<string, Position>;
}

const tableHeader = /^([ \t]*)\[\[?[ \t]*([^\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$/;
const keyValue = /^([ \t]*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)[ \t]*=[ \t]*/;

function scanTomlPlaces(source: string, lineOffset: number): TomlPlaces {
  const places: TomlPlaces = { positions: {}, pathPositions: {}, valuePositions: {} };
  const record = (target: Record<string, Position>, path: string, line: number, column: number) => {
    if (!Object.hasOwn(target, path)) target[path] = { line: line + lineOffset, column };
  };
  let table = '';
  let inMultiLine: string | undefined;
  source.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (inMultiLine) {
      if (text.includes(inMultiLine)) inMultiLine = undefined;
      return;
    }
    const header = tableHeader.exec(text);
    if (header) {
      table = keyPath(header[2]);
      record(places.pathPositions, table, line, header[1].length + 1);
      if (!table.includes('.')) record(places.positions, table, line, header[1].length + 1);
      return;
    }
    const entry = keyValue.exec(text);
    if (!entry) return;
    const path = table === '' ? keyPath(entry[2]) : `${table}.${keyPath(entry[2])}`;
    record(places.pathPositions, path, line, entry[1].length + 1);
    if (table === '') record(places.positions, path.split('.')[0], line, entry[1].length + 1);
    record(places.valuePositions, path, line, entry[0].length + 1);
    const rest = text.slice(entry[0].length);
    const opener = /^("""|''')/.exec(rest)?.[1];
    if (opener && !rest.slice(3).includes(opener)) inMultiLine = opener;
  });
  return places;
}

function keyPath(written: string): string {
  return written
    .split(/[ \t]*\.[ \t]*(?=(?:[^"']|"[^"]*"|'[^']*')*$)/)
    .map((part) => part.replace(/^["']|["']$/g, ''))
    .join('.');
}
