import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { KeyPositions } from './types.js';

/** File and position of the first front-matter key present, for a diagnostic. */
export function keyPlace(item: { sourcePath: string; positions: KeyPositions }, ...keys: string[]): Partial<Diagnostic> {
  for (const key of keys) {
    const position = Object.hasOwn(item.positions, key) ? item.positions[key] : undefined;
    if (position) return { file: item.sourcePath, line: position.line, column: position.column };
  }
  return { file: item.sourcePath };
}

/** `file:line:col` for listing several places inside one message. */
export function placeLabel(place: Partial<Diagnostic>): string {
  return [place.file, place.line, place.line !== undefined ? place.column : undefined].filter((p) => p !== undefined).join(':');
}
