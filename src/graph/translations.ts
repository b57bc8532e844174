import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { directionOf, type TextDirection } from '../text/language.js';
import { compareCodeUnits } from './compare-names.js';
import { keyPlace } from './key-place.js';
import type { KeyPositions } from './types.js';

interface Translatable<T> {
  sourcePath: string;
  positions: KeyPositions;
  url: string;
  lang: string;
  translationKey?: string;
  translations: T[];
}

/** A post's or page's language (its own, else the site's) and direction (written, else its language's). */
export function languageOf(item: { lang?: string; dir?: TextDirection }, siteLanguage: string): { lang: string; dir: TextDirection; translations: [] } {
  const lang = item.lang ?? siteLanguage;
  return { lang, dir: item.dir ?? directionOf(lang), translations: [] };
}

/**
 * Links the translations of one story: items with one translationKey each list
 * the others, by language. Two items of one language with one key would leave
 * readers two "Arabic" versions: an error at the second's key.
 */
export function linkTranslations<T extends Translatable<T>>(items: readonly T[], what: 'article' | 'page'): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    if (item.translationKey === undefined) continue;
    const group = byKey.get(item.translationKey) ?? [];
    const twin = group.find((other) => other.lang === item.lang);
    if (twin) {
      diagnostics.push(
        error(codes.translationTwins, `${twin.sourcePath} and ${item.sourcePath} are both the "${item.lang}" ${what} of translationKey "${item.translationKey}"`, {
          ...keyPlace(item, 'translationkey'),
          hint: `give each language one ${what} per translationKey: change the key or the lang of one of them`,
        }),
      );
      continue;
    }
    group.push(item);
    byKey.set(item.translationKey, group);
  }
  for (const group of byKey.values()) {
    group.sort((a, b) => compareCodeUnits(a.lang, b.lang) || compareCodeUnits(a.url, b.url));
    for (const item of group) item.translations = group.filter((other) => other !== item);
  }
  return diagnostics;
}
