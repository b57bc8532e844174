// Cheap line scans that run before the expensive parses. The YAML parser and
// remark take time (and memory) that grows faster than the input for some
// shapes: 100,000 YAML aliases took 10 s, a 20 KB nested list 79 s (its depth
// was checked only after the parse), a 1,000 × 1,000 table ran out of memory.
// Each limit here is far above what an article needs and is documented in the
// README ("Limits"). One error at file:line, and the file is not parsed.

import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';

export const contentLimits = {
  /** Bytes of a whole content file. */
  fileBytes: 5 * 1024 * 1024,
  /** Bytes between the front matter's fences. */
  frontMatterBytes: 64 * 1024,
  /** YAML anchors and aliases (`&a`, `*a`) in front matter; aliases are refused anyway, this bounds the scan before it. */
  frontMatterAnchors: 100,
  /** Quote and list levels on one line (markers, and indentation counted as one level per 4 columns). */
  nesting: 100,
  /** Cells in one table (rows × columns). */
  tableCells: 50_000,
  /** Diagnostics reported per file; the rest are counted in one more. */
  diagnosticsPerFile: 20,
} as const;

/** Problems that make a file too costly to parse, or [] (text as decodeSource returns it: LF line endings). */
export function checkContentLimits(text: string, file: string): Diagnostic[] {
  const tooBig = (line: number, message: string, hint: string) => [error(codes.contentTooLarge, message, { file, line, column: 1, hint })];
  if (Buffer.byteLength(text) > contentLimits.fileBytes) {
    return tooBig(1, `the file is larger than ${contentLimits.fileBytes / 1024 / 1024} MB`, 'split it into several articles, or link to large data instead of pasting it');
  }
  const lines = text.split('\n');
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd > 0) {
    const fm = lines.slice(1, fmEnd).join('\n');
    if (Buffer.byteLength(fm) > contentLimits.frontMatterBytes) {
      return tooBig(1, `front matter is larger than ${contentLimits.frontMatterBytes / 1024} KB`, 'keep front matter to fields about the article; move data to content/data/');
    }
    const anchors = fm.match(/(?:^|[\s[{,:-])[&*][^\s[\]{},]+/g)?.length ?? 0;
    if (anchors > contentLimits.frontMatterAnchors) {
      return tooBig(1, `front matter has ${anchors} YAML anchors or aliases; at most ${contentLimits.frontMatterAnchors} are read`, 'write each value out in full: YAML aliases are not supported');
    }
  }
  let tableCells = 0;
  let tableStart = 0;
  for (let i = Math.max(fmEnd + 1, 0); i < lines.length; i++) {
    const line = lines[i];
    const depth = nestingOf(line);
    if (depth > contentLimits.nesting) {
      return [error(codes.contentTooDeep, `markdown is nested more than ${contentLimits.nesting} levels deep`, { file, line: i + 1, column: 1, hint: 'reduce the nesting of quotes and lists' })];
    }
    if (line.includes('|')) {
      if (tableCells === 0) tableStart = i + 1;
      tableCells += countPipes(line) + 1;
      if (tableCells > contentLimits.tableCells) {
        return tooBig(tableStart, `a table has more than ${contentLimits.tableCells.toLocaleString('en')} cells`, 'split the table, or publish the data as a file in content/static/ and link to it');
      }
    } else {
      tableCells = 0;
    }
  }
  return [];
}

/** At most `diagnosticsPerFile` diagnostics, plus one warning saying how many more there were. */
export function capDiagnostics(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  const max = contentLimits.diagnosticsPerFile;
  if (diagnostics.length <= max) return diagnostics;
  return [
    ...diagnostics.slice(0, max),
    warning(codes.tooManyDiagnostics, `${diagnostics.length - max} more problems in this file are not shown`, { file, hint: 'fix the ones above and build again' }),
  ];
}

/** Index of the closing fence line when the file opens with `---`; 0 when there is no (closed) front matter. */
function frontMatterEnd(lines: string[]): number {
  if (!/^---[ \t]*([A-Za-z][\w+.-]*)?[ \t]*$/.test(lines[0] ?? '')) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) return i;
  return 0;
}

/** Container levels a line opens: `>` and list markers, and its indentation at one level per 4 columns. */
function nestingOf(line: string): number {
  let depth = 0;
  let column = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ') column++;
    else if (c === '\t') column += 4 - (column % 4);
    else if (c === '>') depth++;
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t' || i + 1 === line.length)) depth++;
    else {
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!ordered) break;
      depth++;
      i += ordered[0].length;
      continue;
    }
    i++;
  }
  return depth + Math.floor(column / 4);
}

function countPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 124) n++;
  return n;
}
