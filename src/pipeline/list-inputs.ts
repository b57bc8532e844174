import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scanContent } from '../content/scan-content.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toPosix } from '../paths/is-inside.js';
import { builtInThemeDir, siteTemplatesFolder } from '../render/theme-files.js';
import { hashOf } from '../text/hash.js';
import { isStoreSource } from './store-sources.js';

/** An input file: `path` names it relative to the site root (`../` for the built-in theme outside it). */
export interface InputFile {
  path: string;
  absPath: string;
}

export interface InputListing {
  /** Files the content store reads and hashes itself (markdown, the popularity file). */
  store: InputFile[];
  /** Every other file a build may read: the rest of content/, the site's templates/, the built-in theme. */
  other: InputFile[];
  /** The content scan's own problems (files it skipped), which no file's bytes show. */
  scanProblems: string;
}

/**
 * Every file a build reads, listed by the build's own scan of content/ and
 * the folders the theme's files come from (theme-files.ts), whole: a file
 * the build would skip there is listed too, which can only make a build
 * that changed nothing look changed, never the reverse. (External feeds are
 * loaded and compared whole: see unchanged-build.ts.)
 */
export async function listInputs(root: string): Promise<InputListing> {
  const scanned = await scanContent(root);
  const themed = [join(root, siteTemplatesFolder), builtInThemeDir].flatMap(listFolder);
  const named = (absPath: string): InputFile => ({ path: toPosix(relative(root, absPath)), absPath });
  return {
    store: scanned.files.filter(isStoreSource).map((f) => ({ path: f.path, absPath: f.absPath })),
    other: [...scanned.files.filter((f) => !isStoreSource(f)).map((f) => named(f.absPath)), ...themed.map(named)],
    scanProblems: hashOf(JSON.stringify(scanned.diagnostics satisfies Diagnostic[])),
  };
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
