import type { Diagnostic } from './diagnostic.js';

/** `path:line:col error MS201 message` and, on the next line, `  hint: …`. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.file ? [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':') : '';
  const head = `${place ? `${escapeForTerminal(place)} ` : ''}${d.severity} ${d.code} ${escapeForTerminal(d.message)}`;
  return d.hint ? `${head}\n  hint: ${escapeForTerminal(d.hint)}` : head;
}

// Messages quote file names and values from content. A newline there could
// print a forged diagnostic line; bidi controls (U+202E) can make
// `evil‮txt.md` read as another name; escape sequences could recolour or
// rewrite the terminal. Each is shown as a visible \u escape instead.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(unsafe, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
