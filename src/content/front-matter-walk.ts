import { isMap, isScalar, isSeq } from 'yaml';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { KeyPositions } from '../graph/types.js';
import { isUnsafeKey } from '../text/unsafe-keys.js';

/** A diagnostic place in file coordinates. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

export type Locate = (offset: number) => Place;

export interface WalkedNodes {
  positions: KeyPositions;
  pathPositions: Record<string, Position>;
  /** Dotted path → where a scalar value starts, to point at a bad value rather than its key. */
  valuePositions: Record<string, Position>;
  /** Offset of every scalar key → its text, to name the key in yaml's own errors. */
  keyAt: Map<number, string>;
  diagnostics: Diagnostic[];
}

interface RangedNode {
  range?: [number, number, number] | null;
}

/**
 * Records where each key and list element sits and refuses unsafe or
 * non-scalar keys. Paths are dotted: `image.alt` points at the key `alt`,
 * `tags.2` at the third element of `tags`.
 */
export function walkFrontMatterNodes(contents: unknown, at: Locate): WalkedNodes {
  const walked: WalkedNodes = { positions: {}, pathPositions: {}, valuePositions: {}, keyAt: new Map(), diagnostics: [] };
  if (contents === null || contents === undefined || isMap(contents)) {
    visit(contents, '', walked, at);
  } else {
    walked.diagnostics.push(
      error(codes.frontMatterYaml, 'front matter must be a mapping of "key: value" lines', {
        ...at(startOf(contents)),
        hint: 'write one field per line, e.g. title: Border crossings rise',
      }),
    );
  }
  return walked;
}

function visit(node: unknown, path: string, walked: WalkedNodes, at: Locate): void {
  if (isSeq(node)) {
    node.items.forEach((item, index) => {
      record(walked, `${path}.${index}`, at(startOf(item)));
      visit(item, `${path}.${index}`, walked, at);
    });
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = pair.key;
    if (!isScalar(key)) {
      walked.diagnostics.push(
        error(codes.frontMatterYaml, 'front matter keys must be plain text', {
          ...at(startOf(key ?? pair.value)),
          hint: 'write keys as simple words, e.g. title:',
        }),
      );
      continue;
    }
    const name = String(key.value);
    const offset = startOf(key);
    walked.keyAt.set(offset, name);
    if (isUnsafeKey(name)) {
      walked.diagnostics.push(
        error(codes.frontMatterUnsafeKey, `key '${name}' is not allowed in front matter`, {
          ...at(offset),
          hint: 'rename or remove the key; it could change how every object in the build behaves',
        }),
      );
      continue;
    }
    const keyPath = path === '' ? name : `${path}.${name}`;
    if (path === '' && !Object.hasOwn(walked.positions, name)) walked.positions[name] = position(at(offset));
    record(walked, keyPath, at(offset));
    if (isScalar(pair.value) && !Object.hasOwn(walked.valuePositions, keyPath)) walked.valuePositions[keyPath] = position(at(startOf(pair.value)));
    visit(pair.value, keyPath, walked, at);
  }
}

/** The first occurrence wins, like the first of two duplicate keys. */
function record(walked: WalkedNodes, path: string, place: Place): void {
  if (!Object.hasOwn(walked.pathPositions, path)) walked.pathPositions[path] = position(place);
}

function position(place: Place): Position {
  return { line: place.line, column: place.column };
}

function startOf(node: unknown): number {
  return (node as RangedNode | null)?.range?.[0] ?? 0;
}
