import { formatDiagnostic } from '../diagnostics/format-diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Logger } from '../log.js';

/** Prints warnings then errors, each once, in file order. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], logger: Logger): void {
  const seen = new Set<string>();
  const sorted = [...diagnostics].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  for (const d of sorted) {
    const text = formatDiagnostic(d);
    if (seen.has(text)) continue;
    seen.add(text);
    (d.severity === 'error' ? logger.error : logger.warn)(text);
  }
}
