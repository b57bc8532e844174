// Language tags (BCP 47) and the direction their script is written in.

import { memoize } from './memoize.js';

export type TextDirection = 'ltr' | 'rtl';

// Scripts written right to left (ISO 15924). A tag's script comes from CLDR's
// likely subtags, so `ar`, `ckb`, `dv` and `pnb` are right to left and `ar-Latn` is not.
const rightToLeftScripts = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** The tag in its canonical form (`EN-gb` → `en-GB`, `iw` → `he`), or a reason it is not a language tag. */
export function readLanguageTag(tag: string): { tag: string } | { problem: string } {
  if (/_/.test(tag)) return { problem: `"${tag}" is not a language tag: subtags are joined with "-", not "_"` };
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag)) return { problem: `"${tag}" is not a language tag` };
  try {
    return { tag: Intl.getCanonicalLocales(tag)[0]! };
  } catch {
    return { problem: `"${tag}" is not a valid language tag` };
  }
}

// Kept by tag: every page rendered asks, and maximizing a locale costs far more than a look-up.
const directionByTag = memoize(
  (tag: string): TextDirection => {
    try {
      const script = new Intl.Locale(tag).maximize().script;
      return script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr';
    } catch {
      return 'ltr';
    }
  },
  { limit: 1000 },
);

/** `rtl` for languages written right to left (Arabic, Persian, Hebrew, Urdu, Pashto, Sorani, Yiddish…). */
export function directionOf(tag: string): TextDirection {
  return directionByTag(tag);
}

const names = new Map<string, string>();

/** A language's own name for itself (`ar` → "العربية", `el` → "Ελληνικά"), as a reader of it looks for it; the tag when Intl has none. */
export function languageName(tag: string): string {
  let name = names.get(tag);
  if (name === undefined) {
    try {
      const own = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
      // Display names are lowercase in some languages ("français", "español"); in a menu of languages they lead.
      name = own.charAt(0).toLocaleUpperCase(tag) + own.slice(1);
    } catch {
      name = tag;
    }
    names.set(tag, name);
  }
  return name;
}
