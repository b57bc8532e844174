import type { Diagnostic } from './diagnostic.js';

/** `path:line:col error MS201 message` and, on the next line, `  hint: …`. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.file ? [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':') : '';
  const head = `${place ? `${place} ` : ''}${d.severity} ${d.code} ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
