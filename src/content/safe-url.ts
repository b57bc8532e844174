// Links in content are written by editors but may be pasted from anywhere:
// only protocols that cannot run script in the reader's browser are kept.
const allowedProtocols = new Set(['http', 'https', 'mailto', 'tel']);

export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme
  // ("java\tscript:"), and entities are already decoded by the markdown parser.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (!scheme) return true;
  return allowedProtocols.has(scheme[1].toLowerCase());
}
