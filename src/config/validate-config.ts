// Pure config validation: text in, a typed config with defaults or every
// problem found out, each placed at its line and column. No I/O.

import { getNodeValue } from 'jsonc-parser';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkConfigSemantics, normaliseConfig } from './check-config-semantics.js';
import { checkJsonKeys } from './check-json-keys.js';
import type { ConfigProblem, JsonProblem } from './config-problem.js';
import { describeIssue } from './describe-issue.js';
import { createLocator, offsetOfPath } from './json-positions.js';
import { parseJsonTree } from './parse-json-tree.js';
import { configSchema, type SiteConfig } from './schema.js';

export interface ConfigResult {
  /** Present only when there are no errors. */
  config?: SiteConfig;
  diagnostics: Diagnostic[];
}

export function validateConfig(text: string, file: string): ConfigResult {
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const locate = createLocator(source);
  const report = (problems: JsonProblem[]): ConfigResult => ({
    diagnostics: [...problems]
      .sort((a, b) => a.offset - b.offset)
      .map((p) => error(p.code, p.message, { file, ...locate(p.offset), hint: p.hint })),
  });

  const parsed = parseJsonTree(source);
  if (!parsed.tree) return report([parsed.problem]);
  const tree = parsed.tree;
  const keys = checkJsonKeys(tree);
  // Never build an object from a tree holding __proto__-style keys.
  if (keys.unsafe.length > 0) return report([...keys.unsafe, ...keys.duplicates]);

  const placed = (problem: ConfigProblem): JsonProblem => ({ ...problem, offset: offsetOfPath(tree, problem.path, problem.at) });
  const result = configSchema.safeParse(getNodeValue(tree));
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => describeIssue(issue, tree, configSchema));
    return report([...keys.duplicates, ...problems.map(placed)]);
  }
  const problems = [...keys.duplicates, ...checkConfigSemantics(result.data).map(placed)];
  if (problems.length > 0) return report(problems);
  return { config: normaliseConfig(result.data), diagnostics: [] };
}
