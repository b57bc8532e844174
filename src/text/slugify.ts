// URL slugs for posts, pages, terms and authors. The content stage imports this
// too, so it stays tiny and pure.

// Latin letters that NFKD leaves whole but readers expect spelled out in ASCII.
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', œ: 'oe', þ: 'th', ð: 'd', ħ: 'h', ı: 'i',
};
const LATIN_PATTERN = /[ßæøłđœþðħı]/g;
// Arabic-script vowel and Quranic marks (harakat, tanween, shadda…): optional in writing, so
// readers type addresses without them, and ids with them fail HTML checkers' letter rules.
const ARABIC_VOWEL_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;

/**
 * "São Paulo" → `sao-paulo`. Letters with an ASCII base lose their accents;
 * other scripts (Greek, Arabic, CJK …) keep their letters, lowercased NFC, so a
 * title in Greek does not collapse to an empty slug.
 */
export function slugify(text: string): string {
  const lower = text.normalize('NFC').toLowerCase().replace(LATIN_PATTERN, (c) => LATIN_LETTERS[c]).replace(ARABIC_VOWEL_MARKS, '');
  // One base character with its combining marks at a time: "é" → "e", but "ή" stays "ή".
  const folded = lower.replace(/\P{M}\p{M}*/gu, (cluster) => {
    const base = cluster.normalize('NFKD').replace(/\p{M}/gu, '');
    return base !== '' && /^[\x20-\x7e]+$/.test(base) ? base : cluster;
  });
  return folded
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '')
    .normalize('NFC');
}

/** Slugs made or written for an address stay below this many UTF-8 bytes: file systems allow 255 per name, and long URLs get cut in messages and shares. */
export const MAX_SHORT_SLUG_BYTES = 99;

/**
 * A slug cut to at most MAX_SHORT_SLUG_BYTES at its last word boundary ("-")
 * that fits; a first word longer than that is cut between letters (never
 * between a letter and its accent). Same slug in, same slug out; a slug that
 * fits is returned as it is.
 */
export function shortenSlug(slug: string): string {
  if (fitsShort(slug)) return slug;
  let words = '';
  for (const word of slug.split('-')) {
    const longer = words === '' ? word : `${words}-${word}`;
    if (!fitsShort(longer)) break;
    words = longer;
  }
  if (words !== '') return words;
  let letters = '';
  for (const [cluster] of slug.matchAll(/\P{M}\p{M}*/gu)) {
    if (!fitsShort(letters + cluster)) break;
    letters += cluster;
  }
  return letters;
}

function fitsShort(text: string): boolean {
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes: most slugs need no encoding.
  return text.length * 3 <= MAX_SHORT_SLUG_BYTES || utf8.encode(text).length <= MAX_SHORT_SLUG_BYTES;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Characters that break a file name on some system or change a URL's meaning.
const UNSAFE_CHARACTERS = /[:*?"<>|#]/;
const MAX_SLUG_BYTES = 200;
const utf8 = new TextEncoder();

/** Why a user-given slug cannot become a path segment, or undefined when it is safe. */
export function checkSlug(slug: string): string | undefined {
  if (slug === '') return 'the slug is empty';
  if (slug.includes('/') || slug.includes('\\')) return 'a slug cannot contain "/" or "\\"';
  if (slug.includes('..')) return 'a slug cannot contain ".."';
  if (slug.includes('%')) return 'a slug cannot contain "%" (percent-encoded characters are decoded by servers)';
  if (/\p{Cc}/u.test(slug)) return 'a slug cannot contain control characters or NUL';
  if (UNSAFE_CHARACTERS.test(slug)) return 'a slug cannot contain any of : * ? " < > | #';
  if (/^[. ]|[. ]$/.test(slug)) return 'a slug cannot start or end with a dot or a space';
  if (WINDOWS_RESERVED.test(slug)) return `"${slug}" is a reserved file name on Windows`;
  if (slug.length * 3 > MAX_SLUG_BYTES && utf8.encode(slug).length > MAX_SLUG_BYTES) return `a slug cannot be longer than ${MAX_SLUG_BYTES} bytes`;
  return undefined;
}
