import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { KeyPositions } from '../graph/types.js';
import { parseFrontMatterYaml } from './front-matter-yaml.js';

export interface FrontMatter {
  /** The fields; absent when the front matter has an error. `{}` when there is no front matter. */
  data?: Record<string, unknown>;
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

const openingFence = /^---[ \t]*([A-Za-z][\w+.-]*)?[ \t]*$/;
const closingFence = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits `---` YAML front matter from the body and parses it safely.
 * Expects text from decodeSource (no BOM, LF line endings).
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const firstEnd = lineEnd(text, 0);
  const opening = openingFence.exec(text.slice(0, firstEnd));
  if (!opening) return { data: {}, positions: {}, pathPositions: {}, valuePositions: {}, body: text, bodyLine: 1, diagnostics: [] };
  const yamlStart = Math.min(firstEnd + 1, text.length);
  const closing = findClosingFence(text, yamlStart);
  if (!closing) {
    return failed(text, 1, [
      error(codes.frontMatterUnterminated, 'front matter is never closed', {
        file,
        line: 1,
        column: 1,
        hint: "end the front matter with a line containing only '---'",
      }),
    ]);
  }
  const body = text.slice(closing.next);
  const language = opening[1];
  if (language !== undefined && language.toLowerCase() !== 'yaml') {
    // gray-matter evaluates `---js` blocks; here nothing in content is ever run.
    return failed(body, closing.line + 1, [
      error(codes.frontMatterExecutable, `executable front matter is not supported ('---${language}')`, {
        file,
        line: 1,
        column: 1,
        hint: "write the front matter as YAML between two '---' lines",
      }),
    ]);
  }
  const parsed = parseFrontMatterYaml(text.slice(yamlStart, closing.start), file, 1);
  return { ...parsed, body, bodyLine: closing.line + 1 };
}

function failed(body: string, bodyLine: number, diagnostics: Diagnostic[]): FrontMatter {
  return { positions: {}, pathPositions: {}, valuePositions: {}, body, bodyLine, diagnostics };
}

/** The first `---` or `...` line from `from` on: its start, where the body begins, and its file line. */
function findClosingFence(text: string, from: number): { start: number; next: number; line: number } | undefined {
  for (let start = from, line = 2; start < text.length; line++) {
    const end = lineEnd(text, start);
    if (closingFence.test(text.slice(start, end))) return { start, next: Math.min(end + 1, text.length), line };
    start = end + 1;
  }
  return undefined;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
