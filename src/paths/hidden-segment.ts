// Content-set URLs (aliases, slugs, permalink patterns) must not name hidden
// files: an alias `/.htaccess` would publish an HTML page where Apache reads
// its configuration, `/.env` where scanners look for secrets. `.well-known/`
// is refused too: its files (security.txt, ACME challenges) are not pages an
// article can stand in for.

/**
 * The first path segment that starts with a dot (after percent-decoding, so
 * `/%2eenv` counts), or undefined. `.` and `..` are left to the containment checks.
 */
export function hiddenSegmentOf(url: string): string | undefined {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Malformed escapes are refused elsewhere; check the raw text here.
  }
  return decoded.split(/[/\\]/).find((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}
