import { LineCounter, Parser, parseDocument, type YAMLError } from 'yaml';
import { codes } from '../diagnostics/codes.js';
import { error, hasErrors, warning, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { KeyPositions } from '../graph/types.js';
import { findFrontMatterTokens } from './front-matter-tokens.js';
import { walkFrontMatterNodes, type Locate, type Place } from './front-matter-walk.js';

export interface FrontMatterData {
  /** Present only when there is no error. */
  data?: Record<string, unknown>;
  positions: KeyPositions;
  pathPositions: Record<string, Position>;
  valuePositions: Record<string, Position>;
  diagnostics: Diagnostic[];
}

// The core schema has no constructors for anything beyond plain data, so these
// explicit tags are harmless; every other tag is refused before any value is built.
const allowedTags = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null', '!!seq', '!!map']);

const yamlHints: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  BLOCK_AS_IMPLICIT_KEY: 'put values that contain ": " in quotes, e.g. title: "Lesbos: a year on"',
  DUPLICATE_KEY: 'keep one of the two entries',
};
const defaultYamlHint = 'check the indentation and put values with special characters (: # [ ] { } , &) in quotes';

/**
 * Parses the YAML between the fences. `lineOffset` is the number of file lines
 * before the YAML text, so positions come out in file coordinates.
 */
export function parseFrontMatterYaml(source: string, file: string, lineOffset: number): FrontMatterData {
  const lineCounter = new LineCounter();
  const at: Locate = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  const doc = parseDocument(source, {
    lineCounter,
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const diagnostics = checkTokens(source, at);
  const reported = new Set(diagnostics.map((d) => `${d.line}:${d.column}`));
  const walked = walkFrontMatterNodes(doc.contents, at);
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const place = at(problem.pos[0]);
    if (reported.has(`${place.line}:${place.column}`)) continue;
    diagnostics.push(fromYamlProblem(problem, place, walked.keyAt.get(problem.pos[0])));
  }
  diagnostics.push(...walked.diagnostics);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const result = { positions: walked.positions, pathPositions: walked.pathPositions, valuePositions: walked.valuePositions, diagnostics };
  if (hasErrors(diagnostics)) return result;
  // Any alias was refused above; maxAliasCount 0 is a second guard against expansion.
  return { ...result, data: (doc.toJS({ maxAliasCount: 0 }) ?? {}) as Record<string, unknown> };
}

/** Tags and aliases are checked on the raw tokens so the position is the tag itself. */
function checkTokens(source: string, at: Locate): Diagnostic[] {
  const { tags, aliases } = findFrontMatterTokens(new Parser().parse(source));
  const diagnostics = tags
    .filter((tag) => !allowedTags.has(tag.source))
    .map((tag) =>
      error(codes.frontMatterTag, `YAML tag '${tag.source}' is not allowed in front matter`, {
        ...at(tag.offset),
        hint: 'remove the tag; front matter holds plain text, numbers, true/false, lists and mappings',
      }),
    );
  const [alias] = aliases;
  if (alias) {
    // One report is enough: an alias bomb has thousands, all with the same fix.
    diagnostics.push(
      error(codes.frontMatterAlias, `YAML aliases ('${alias.source}') are not supported in front matter`, {
        ...at(alias.offset),
        hint: 'write the value out in full instead of referring to an anchor (&name)',
      }),
    );
  }
  return diagnostics;
}

function fromYamlProblem(problem: YAMLError, place: Place, key: string | undefined): Diagnostic {
  if (problem.code === 'DUPLICATE_KEY') {
    const name = key === undefined ? 'key' : `key '${key}'`;
    return error(codes.frontMatterDuplicateKey, `duplicate ${name} in front matter`, { ...place, hint: yamlHints.DUPLICATE_KEY });
  }
  if (problem.code === 'TAG_RESOLVE_FAILED' || problem.code === 'BAD_COLLECTION_TYPE') {
    return error(codes.frontMatterTag, `YAML tag does not fit its value: ${problem.message}`, {
      ...place,
      hint: 'remove the tag and write the value plainly',
    });
  }
  const make = problem.name === 'YAMLWarning' ? warning : error;
  return make(codes.frontMatterYaml, `invalid YAML: ${problem.message}`, {
    ...place,
    hint: yamlHints[problem.code] ?? defaultYamlHint,
  });
}
