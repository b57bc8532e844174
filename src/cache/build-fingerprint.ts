import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * What a complete build's output was made from, saved with the build state
 * (build-state.ts) so that the next build can tell, before it parses or
 * links anything, that nothing it would read has changed, and leave the
 * output folder as it is (pipeline/unchanged-build.ts).
 *
 * The generator's code, the config and --drafts/--future are the state's own
 * key; the other options that change the output are `options`; the saved
 * state's record of the output folder says whether it was touched since.
 */
export interface BuildFingerprint {
  /** The build options that change the output besides the state's key (see pipeline/unchanged-build.ts). */
  options: string;
  /** Every file the build read (content, templates, the built-in theme), site-relative and sorted, with the hash of the bytes it used. */
  inputs: { paths: string[]; hashes: string[] };
  /** The instants [from, until) of the build's clock for which the output stays the same (pipeline/output-clock-window.ts). */
  clock: { from: number; until: number };
  /** What the external feeds' widgets showed ('' after a feed problem, which matches nothing). */
  feeds: string;
  /** The warnings the build reported, said again by a build that keeps its output. */
  diagnostics: Diagnostic[];
  /** What the build's summary line counted. */
  summary: { pages: number; posts: number; tags: number; categories: number; skipped: { drafts: number; future: number } };
}

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Like the rest of the state file, untrusted input: used only with exactly the shape a build saves. */
export function isBuildFingerprint(v: unknown): v is BuildFingerprint {
  const f = v as Partial<BuildFingerprint> | null;
  const s = f?.summary;
  return (
    typeof f?.options === 'string' &&
    isStrings(f.inputs?.paths) &&
    isStrings(f.inputs.hashes) &&
    f.inputs.paths.length === f.inputs.hashes.length &&
    isNumber(f.clock?.from) &&
    isNumber(f.clock.until) &&
    typeof f.feeds === 'string' &&
    Array.isArray(f.diagnostics) &&
    f.diagnostics.every(isDiagnostic) &&
    !!s &&
    [s.pages, s.posts, s.tags, s.categories, s.skipped?.drafts, s.skipped?.future].every(isNumber)
  );
}

function isDiagnostic(v: unknown): v is Diagnostic {
  const d = v as Partial<Diagnostic> | null;
  const optional = (x: unknown, type: string) => x === undefined || typeof x === type;
  return (
    typeof d?.code === 'string' &&
    (d.severity === 'warning' || d.severity === 'error') &&
    typeof d.message === 'string' &&
    optional(d.file, 'string') &&
    optional(d.line, 'number') &&
    optional(d.column, 'number') &&
    optional(d.hint, 'string')
  );
}
