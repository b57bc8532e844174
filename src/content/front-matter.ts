import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { KeyPositions } from '../graph/types.js';
import { lowercaseTopLevelKeys } from './front-matter-keys.js';
import { parseFrontMatterToml } from './front-matter-toml.js';
import { parseFrontMatterYaml, type FrontMatterData } from './front-matter-yaml.js';

export interface FrontMatter {
  /** The fields; absent when the front matter has an error. `{}` when there is no front matter. */
  data?: Record<string, unknown>;
  /** When the front matter has an error: the fields that could still be read, for their own checks. */
  partial?: Record<string, unknown>;
  /** Top-level key → where the key is written (file coordinates, the opening `---` is line 1). */
  positions: KeyPositions;
  /**
   * Dotted path → where to point a diagnostic: the key of a mapping entry
   * (`image.alt`, `social.x`) or a list element (`tags.2`). Includes top-level keys.
   */
  pathPositions: Record<string, Position>;
  /** Dotted path → where a scalar value starts (`date` → the `2024-…` text). */
  valuePositions: Record<string, Position>;
  /** Everything after the closing fence. */
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

interface Dialect {
  name: string;
  /** Whether the closing line of this dialect is `line`. */
  closes: (line: string) => boolean;
  /** The text handed to the parser: the lines between the fences, or (JSON) the fences too. */
  keepFences: boolean;
  parse: (text: string, file: string, lineOffset: number) => FrontMatterData;
  closeHint: string;
}

// `---` (or a longer run of dashes) is YAML as in Jekyll, Hugo and Eleventy;
// `+++` is TOML and a first line `{` JSON, as in Hugo. JSON is read as YAML,
// of which it is a subset, so it gets the same positions and safety checks.
const yaml: Dialect = { name: 'YAML', closes: (l) => /^(?:-{3,}|\.\.\.)[ \t]*$/.test(l), keepFences: false, parse: parseFrontMatterYaml, closeHint: "end the front matter with a line containing only '---'" };
const toml: Dialect = { name: 'TOML', closes: (l) => /^\+\+\+[ \t]*$/.test(l), keepFences: false, parse: parseFrontMatterToml, closeHint: "end the front matter with a line containing only '+++'" };
const json: Dialect = { name: 'JSON', closes: (l) => /^\}[ \t]*$/.test(l), keepFences: true, parse: parseFrontMatterYaml, closeHint: "end the front matter with a line containing only '}'" };

const yamlFence = /^-{3,}[ \t]*([A-Za-z][\w+.-]*)?[ \t]*$/;
// First lines that look like an attempt at a fence: `--`, `++++`, `***`, `===`, `+++toml`…
const fenceLike = /^(?:-{2,}|\+{2,}|={3,}|\*{3,}|~{3,}|_{3,})[ \t]*[\w+.-]*[ \t]*$/;

/**
 * Splits front matter from the body and parses it safely. Expects text from
 * decodeSource (no BOM, LF line endings). Top-level keys come back lowercased:
 * `Title:` and `title:` are the same field, as in Hugo.
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const firstEnd = lineEnd(text, 0);
  const first = text.slice(0, firstEnd);
  const opening = yamlFence.exec(first);
  const dialect = opening ? yaml : /^\+\+\+[ \t]*$/.test(first) ? toml : /^\{[ \t]*$/.test(first) ? json : undefined;
  if (!dialect) {
    if (!fenceLike.test(first)) return { data: {}, positions: {}, pathPositions: {}, valuePositions: {}, body: text, bodyLine: 1, diagnostics: [] };
    return failed(text, 1, [
      error(codes.frontMatterFence, `front matter fence not recognised: '${first.trim()}'`, {
        file,
        line: 1,
        column: 1,
        hint: "start and end YAML front matter with '---' lines, or TOML front matter with '+++' lines",
      }),
    ]);
  }
  const start = Math.min(firstEnd + 1, text.length);
  const closing = findClosingFence(text, start, dialect.closes);
  if (!closing) {
    return failed(text, 1, [error(codes.frontMatterUnterminated, 'front matter is never closed', { file, line: 1, column: 1, hint: dialect.closeHint })]);
  }
  const body = text.slice(closing.next);
  const language = opening?.[1];
  if (language !== undefined && language.toLowerCase() !== 'yaml') {
    // gray-matter evaluates `---js` blocks; here nothing in content is ever run.
    return failed(body, closing.line + 1, [
      error(codes.frontMatterExecutable, `executable front matter is not supported ('${first.trim()}')`, {
        file,
        line: 1,
        column: 1,
        hint: "write the front matter as YAML between two '---' lines",
      }),
    ]);
  }
  const parsed = dialect.keepFences ? dialect.parse(text.slice(0, closing.next), file, 0) : dialect.parse(text.slice(start, closing.start), file, 1);
  return { ...lowercaseTopLevelKeys(parsed, file), body, bodyLine: closing.line + 1 };
}

function failed(body: string, bodyLine: number, diagnostics: Diagnostic[]): FrontMatter {
  return { positions: {}, pathPositions: {}, valuePositions: {}, body, bodyLine, diagnostics };
}

/** The first closing line from `from` on: its start, where the body begins, and its file line. */
function findClosingFence(text: string, from: number, closes: (line: string) => boolean): { start: number; next: number; line: number } | undefined {
  for (let start = from, line = 2; start < text.length; line++) {
    const end = lineEnd(text, start);
    if (closes(text.slice(start, end))) return { start, next: Math.min(end + 1, text.length), line };
    start = end + 1;
  }
  return undefined;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
