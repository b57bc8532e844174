// Key problems JSON.parse would hide: a repeated key silently keeps the last
// value, and `__proto__`-style keys can reach Object.prototype once copied.

import { getNodePath, type Node } from 'jsonc-parser';
import { codes } from '../diagnostics/codes.js';
import { isUnsafeKey } from '../text/unsafe-keys.js';
import { formatJsonPath, type JsonProblem } from './config-problem.js';

export interface KeyProblems {
  /** Keys that must never become object properties: stop before building any value. */
  unsafe: JsonProblem[];
  duplicates: JsonProblem[];
}

export function checkJsonKeys(tree: Node): KeyProblems {
  const problems: KeyProblems = { unsafe: [], duplicates: [] };
  visit(tree, problems);
  return problems;
}

function visit(node: Node, problems: KeyProblems): void {
  if (node.type === 'object') checkObject(node, problems);
  for (const child of node.children ?? []) visit(child, problems);
}

function checkObject(object: Node, problems: KeyProblems): void {
  const seen = new Set<string>();
  for (const property of object.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode) continue;
    const key = String(keyNode.value);
    const where = formatJsonPath([...getNodePath(object), key]);
    if (isUnsafeKey(key)) {
      problems.unsafe.push({
        code: codes.configInvalid,
        offset: keyNode.offset,
        message: `${where}: "${key}" is not allowed as a key`,
        hint: 'rename or remove it; such keys could change every object in the program',
      });
    } else if (seen.has(key)) {
      problems.duplicates.push({
        code: codes.configInvalid,
        offset: keyNode.offset,
        message: `${where}: duplicate key`,
        hint: `keep only one "${key}"; otherwise the last one silently wins`,
      });
    }
    seen.add(key);
  }
}
