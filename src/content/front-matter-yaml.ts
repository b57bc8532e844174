import { LineCounter, Parser, parseDocument, type YAMLError } from 'yaml';
import { codes } from '../diagnostics/codes.js';
import { error, hasErrors, warning, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { KeyPositions } from '../graph/types.js';
import { findFrontMatterTokens } from './front-matter-tokens.js';
import { walkFrontMatterNodes, type Locate, type Place } from './front-matter-walk.js';
import { indentQuotedContinuations, type QuotedValue } from './yaml-quoted-lines.js';

export interface FrontMatterData {
  /** Present only when there is no error. */
  data?: Record<string, unknown>;
  /**
   * When the front matter is broken: the fields written before the broken
   * entry, so their checks still run and one build reports every problem.
   */
  partial?: Record<string, unknown>;
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
// Problems about one entry rather than the text's structure: each is its own report.
const entryProblems = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

/**
 * Parses the YAML between the fences. `lineOffset` is the number of file lines
 * before the YAML text, so positions come out in file coordinates. A broken
 * entry gives one error, where it opens; the entries before and after it are
 * still read (as `partial`), so their own problems are reported in the same run.
 */
export function parseFrontMatterYaml(source: string, file: string, lineOffset: number): FrontMatterData {
  const piece = parseYamlPiece(source, file, lineOffset);
  if (!piece.broken) return piece.result;
  const lines = source.split('\n');
  const { start, resume, error: brokenError } = piece.broken;
  const none: FrontMatterData = { positions: {}, pathPositions: {}, valuePositions: {}, diagnostics: [] };
  const before = start > 0 ? parseFrontMatterYaml(lines.slice(0, start).join('\n'), file, lineOffset) : none;
  const after = resume < lines.length ? parseFrontMatterYaml(lines.slice(resume).join('\n'), file, lineOffset + resume) : none;
  const readable = (part: FrontMatterData) => part.data ?? part.partial ?? {};
  return {
    partial: { ...readable(after), ...readable(before) },
    positions: { ...after.positions, ...before.positions },
    pathPositions: { ...after.pathPositions, ...before.pathPositions },
    valuePositions: { ...after.valuePositions, ...before.valuePositions },
    diagnostics: [...before.diagnostics, brokenError, ...after.diagnostics],
  };
}

interface Piece {
  result: FrontMatterData;
  /** The entry that cannot be read: its one error, its first line and the line where reading can resume (0-based). */
  broken?: { error: Diagnostic; start: number; resume: number };
}

function parseYamlPiece(source: string, file: string, lineOffset: number): Piece {
  const indented = indentQuotedContinuations(source);
  const lineCounter = new LineCounter();
  const yamlLines = indented.text.split('\n');
  const at: Locate = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    // Columns count in the file as written, never past the end of the line.
    const column = Math.max(1, Math.min(col, (yamlLines[line - 1] ?? '').length + 1) - (indented.shifts[line - 1] ?? 0));
    return { file, line: line + lineOffset, column };
  };
  const doc = parseDocument(indented.text, { lineCounter, schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  const broken = problems.find((p) => p.name === 'YAMLParseError' && !entryProblems.has(p.code));
  if (broken) {
    const line = lineCounter.linePos(broken.pos[0]).line - 1;
    const runaway = indented.unclosed ?? indented.multiLine.find((v) => v.runsIntoKey && v.line <= line);
    const error = runaway
      ? unclosedQuote(runaway, { file, line: runaway.line + 1 + lineOffset, column: runaway.column })
      : syntaxError(broken, at(broken.pos[0]), yamlLines[line].slice(indented.shifts[line]));
    // Lines as written: the pre-pass indented the runaway's continuation lines.
    const written = source.split('\n');
    const start = topLevelLineAtOrBefore(written, runaway ? runaway.keyLine : line);
    const resume = nextTopLevelLine(written, runaway ? runaway.line : Math.max(line, start));
    return { result: { positions: {}, pathPositions: {}, valuePositions: {}, diagnostics: [error] }, broken: { error, start, resume } };
  }
  const diagnostics = checkTokens(indented.text, at);
  const reported = new Set(diagnostics.map((d) => `${d.line}:${d.column}`));
  const walked = walkFrontMatterNodes(doc.contents, at);
  for (const problem of problems) {
    const place = at(problem.pos[0]);
    if (!reported.has(`${place.line}:${place.column}`)) diagnostics.push(fromYamlProblem(problem, place, walked.keyAt.get(problem.pos[0])));
  }
  diagnostics.push(...walked.diagnostics);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const result = { positions: walked.positions, pathPositions: walked.pathPositions, valuePositions: walked.valuePositions, diagnostics };
  if (hasErrors(diagnostics)) return { result };
  // Any alias was refused above; maxAliasCount 0 is a second guard against expansion.
  return { result: { ...result, data: (doc.toJS({ maxAliasCount: 0 }) ?? {}) as Record<string, unknown> } };
}

/** An unclosed quote is reported where it opens: the parser only notices lines later, often as a "duplicate key" made of half a sentence. */
function unclosedQuote(value: QuotedValue, place: Place): Diagnostic {
  const escaped = value.quote === '"' ? '\\"' : "''";
  return error(codes.frontMatterYaml, `this quoted value is never closed: its ${value.quote} runs on into the lines below`, {
    ...place,
    hint: `end the value with ${value.quote} where it should stop; write a ${value.quote} inside the text as ${escaped}`,
  });
}

function syntaxError(problem: YAMLError, place: Place, lineText: string): Diagnostic {
  const message = problem.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  const quoted = problem.code === 'BLOCK_AS_IMPLICIT_KEY' && /^[^:]*:\s*["']/.test(lineText);
  const hint = quoted ? 'the value is quoted, but text follows its closing quote: put all of it inside the quotes' : (yamlHints[problem.code] ?? defaultYamlHint);
  return error(codes.frontMatterYaml, `invalid YAML: ${message}`, { ...place, hint });
}

const topLevelEntry = /^[^\s#-]/;

function topLevelLineAtOrBefore(lines: readonly string[], line: number): number {
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) if (topLevelEntry.test(lines[i])) return i;
  return 0;
}

function nextTopLevelLine(lines: readonly string[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) if (topLevelEntry.test(lines[i]) && /^[^:]*:(?:[ \t]|$)/.test(lines[i])) return i;
  return lines.length;
}

/** Tags and aliases are checked on the raw tokens so the position is the tag itself. */
function checkTokens(source: string, at: Locate): Diagnostic[] {
  // Tags start with '!', aliases with '*': most front matter has neither, and needs no second parse.
  if (!source.includes('!') && !source.includes('*')) return [];
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
