// The one list of URL schemes content and config may not use: those that make
// a browser run script (or render a document whose script runs) when followed
// or loaded. Everything else is kept, as GitHub does: rsync:, ftp:, irc:,
// mailto:, tel:, magnet: and relative URLs are legitimate links in an archive.
const scriptSchemes = new Set(['javascript', 'vbscript', 'livescript', 'data']);

/** The scheme of `url` in lower case, or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // Browsers ignore ASCII whitespace and control characters inside a scheme
  // ("java\tscript:"); entities are already decoded by the HTML and markdown parsers.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact)?.[1].toLowerCase();
}

export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || !scriptSchemes.has(scheme);
}

export const unsafeUrlHint = 'links may use any scheme except script-capable ones (javascript:, vbscript:, data:), or a relative URL';
