import { codes } from '../diagnostics/codes.js';
import { error, type Position } from '../diagnostics/diagnostic.js';
import type { FrontMatterData } from './front-matter-yaml.js';

// Hugo compares front-matter keys without regard to case and archives carry
// `Title:` and `Author:` from hand-written posts; every field here is lowercase.

/** Lowercases the top-level keys of data and positions; two spellings of one key are an error. */
export function lowercaseTopLevelKeys(parsed: FrontMatterData, file: string): FrontMatterData {
  const diagnostics = [...parsed.diagnostics];
  const lower = (record: Record<string, unknown> | undefined) => {
    if (!record) return record;
    const out: Record<string, unknown> = {};
    const written = new Map<string, string>();
    for (const key of Object.keys(record)) {
      const name = key.toLowerCase();
      const earlier = written.get(name);
      if (earlier !== undefined) {
        diagnostics.push(
          error(codes.frontMatterDuplicateKey, `'${key}' and '${earlier}' are the same field (keys are compared without regard to case)`, {
            file,
            ...(parsed.positions[key] ?? { line: 1, column: 1 }),
            hint: 'keep one of the two entries',
          }),
        );
        continue;
      }
      written.set(name, key);
      out[name] = record[key];
    }
    return out;
  };
  const data = lower(parsed.data);
  const partial = lower(parsed.partial);
  const clashed = diagnostics.length > parsed.diagnostics.length;
  return {
    ...(data && !clashed ? { data } : {}),
    ...(partial ? { partial } : clashed && data ? { partial: data } : {}),
    positions: lowerPaths(parsed.positions),
    pathPositions: lowerPaths(parsed.pathPositions),
    valuePositions: lowerPaths(parsed.valuePositions),
    diagnostics,
  };
}

/** `Image.alt` → `image.alt`: only the first segment is a top-level key. First spelling wins. */
function lowerPaths(paths: Record<string, Position>): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const [path, position] of Object.entries(paths)) {
    const dot = path.indexOf('.');
    const lowered = dot === -1 ? path.toLowerCase() : path.slice(0, dot).toLowerCase() + path.slice(dot);
    if (!Object.hasOwn(out, lowered)) out[lowered] = position;
  }
  return out;
}
