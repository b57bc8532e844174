import { posix } from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Problem } from './problem.js';
import { resolveReference } from './resolve-reference.js';
import { positionAt } from '../text/text-position.js';

export interface SourceLookup {
  /** Output path of an article or static page → its source file, site-relative. */
  sourceOf(outputPath: string): string | undefined;
  /** The text of a source file, or undefined when it cannot be read. */
  read(file: string): string | undefined;
}

/**
 * Places each problem where it can be fixed: in the markdown file and line
 * where the author wrote the link or image, when the page (or feed item) is an
 * article that contains it; otherwise in the output file (`dist/…`).
 */
export function locateProblems(problems: Problem[], sources: SourceLookup, baseUrl: string, outDir: string): Diagnostic[] {
  // The same link in an article, its feeds and their category copies is one problem in the markdown.
  const diagnostics = new Map<string, Diagnostic>();
  for (const p of problems) {
    const outputPath = p.itemUrl ? itemFileOf(p.itemUrl, baseUrl) : p.document.file;
    const source = outputPath && sources.sourceOf(outputPath);
    const found = source ? findInSource(sources.read(source), p.needles) : undefined;
    if (!found && p.onlyInSource) continue;
    const place = found ? { file: source, ...found } : { file: posix.join(outDir, p.document.file), ...positionAt(p.document.text, p.offset) };
    const d = (p.severity === 'error' ? error : warning)(p.code, p.message, { ...place, hint: p.hint });
    diagnostics.set(JSON.stringify([d.code, d.file, d.line, d.column, d.message]), d);
  }
  return [...diagnostics.values()].sort((a, b) => a.file!.localeCompare(b.file!) || a.line! - b.line! || a.column! - b.column!);
}

function itemFileOf(itemUrl: string, baseUrl: string): string | undefined {
  const target = resolveReference(itemUrl, baseUrl, baseUrl);
  return target.kind === 'internal' ? target.file : undefined;
}

function findInSource(text: string | undefined, needles: string[]) {
  if (text === undefined) return undefined;
  for (const needle of needles) {
    // A bare "/" or "#" would match anywhere.
    if (needle.length < 3) continue;
    const at = text.indexOf(needle);
    if (at !== -1) return positionAt(text, needle.startsWith('](') ? at + 2 : at);
  }
  return undefined;
}
