// Turns JSON paths and offsets into the 1-based line and column an editor shows.

import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Position } from '../diagnostics/diagnostic.js';
import type { JsonPath } from './config-problem.js';

export const strictJson = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };

/** Offset → line and column; `\n`, `\r\n` and a lone `\r` each end a line, as in editors. */
export function createLocator(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}

/**
 * Offset of the key or value at `path`. A path that is not in the file (a missing
 * key, a default) falls back to the nearest ancestor that is: the parent object.
 */
export function offsetOfPath(tree: Node, path: JsonPath, at: 'key' | 'value'): number {
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, path.slice(0, length));
    if (!node) continue;
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    if (at === 'key' && length === path.length && property) return property.offset;
    return node.offset;
  }
  return tree.offset;
}

/** Position of a value by its path, for callers holding only the text (e.g. `outDir`). */
export function locateJsonPath(text: string, path: JsonPath): Position | undefined {
  const tree = parseTree(text, [], strictJson);
  const node = tree && findNodeAtLocation(tree, path);
  return node ? createLocator(text)(node.offset) : undefined;
}
