import { codes } from '../diagnostics/codes.js';
import { warning, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import { MAX_SHORT_SLUG_BYTES, shortenSlug } from '../text/slugify.js';

/**
 * An article's or page's slug, shortened at a word boundary when it is too long
 * for an address (a 139-character Greek headline is 259 bytes), with a warning at
 * `place`: the `slug:` key when it was written, else the key it was made from.
 */
export function fitSlug(slug: string, file: string, place: Position | undefined, diagnostics: Diagnostic[]): string {
  const short = shortenSlug(slug);
  if (short === slug) return slug;
  const bytes = new TextEncoder().encode(slug).length;
  diagnostics.push(
    warning(codes.slugShortened, `the address "${short}…" is ${bytes} bytes long; it is shortened to ${MAX_SHORT_SLUG_BYTES} bytes or less, at a word boundary`, {
      file,
      ...place,
      hint: 'write a shorter "slug:" in the front matter to choose the address yourself',
    }),
  );
  return short;
}
