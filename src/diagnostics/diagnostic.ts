// A problem found while building, with its place. Content problems are collected
// and reported together; SiteError carries one that stops the build at once.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable rule id, e.g. MS201. See README "Error codes". */
  code: string;
  severity: Severity;
  message: string;
  /** Path relative to the site root, with forward slashes. */
  file?: string;
  /** 1-based, in file coordinates (the opening `---` is line 1). */
  line?: number;
  column?: number;
  /** What to do about it. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

export class SiteError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic | Diagnostic[], options?: { cause?: unknown }) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('; '), options);
    this.name = 'SiteError';
    this.diagnostics = list;
  }
}

export function error(code: string, message: string, place: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, ...place };
}

export function warning(code: string, message: string, place: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'warning', message, ...place };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
