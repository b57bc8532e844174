import { codes } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../text/did-you-mean.js';
import { pageTitleKeys } from '../routes/plan-routes.js';
import type { LoadedTranslations } from './load-translations.js';
import type { LiteralCall } from './template-engine.js';
import { fallbackLanguage, lookupChain } from './translations.js';

/** Keys helpers and page titles look up by themselves (`readingTime`, `pagedTitle`), besides those templates name in `{{t "…"}}`. */
const helperKeys = ['readingTime', ...pageTitleKeys];

/**
 * Checks the text keys the templates name against the translation files,
 * before anything renders: a key English lacks is an error at the template;
 * a key or a whole file missing for a language the site publishes in is one
 * warning per key and language, and English is shown.
 * `languages`: each language pages are written in → where it is set.
 */
export function checkTranslations(loaded: Pick<LoadedTranslations, 'translations' | 'files'>, calls: LiteralCall[], languages: ReadonlyMap<string, Partial<Diagnostic>>): Diagnostic[] {
  const { translations, files } = loaded;
  const english = translations[fallbackLanguage] ?? {};
  const diagnostics: Diagnostic[] = [];
  // One English lacks stops the page that looks it up (translate).
  const keys = new Set(helperKeys.filter((key) => Object.hasOwn(english, key)));
  for (const call of calls) {
    if (Object.hasOwn(english, call.value)) keys.add(call.value);
    else {
      const near = didYouMean(call.value, Object.keys(english));
      diagnostics.push(
        error(codes.translationMissing, `no text "${call.value}" in the theme's i18n/${fallbackLanguage}.json`, {
          file: call.file,
          line: call.line,
          column: call.column,
          hint: near ? `did you mean "${near}"?` : `add "${call.value}": "…" to templates/i18n/${fallbackLanguage}.json (a copy of the theme's)`,
        }),
      );
    }
  }
  for (const [lang, place] of [...languages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const own = lookupChain(lang).filter((candidate) => candidate !== fallbackLanguage && Object.hasOwn(translations, candidate));
    if (lang.split('-')[0] === fallbackLanguage) continue;
    if (own.length === 0) {
      diagnostics.push(
        warning(codes.translationMissing, `the theme has no words in "${lang}": labels on its pages are shown in English`, {
          ...place,
          hint: `add templates/i18n/${lang}.json, a translation of the theme's i18n/${fallbackLanguage}.json`,
        }),
      );
      continue;
    }
    for (const key of [...keys].sort()) {
      if (own.some((candidate) => Object.hasOwn(translations[candidate]!, key))) continue;
      diagnostics.push(
        warning(codes.translationMissing, `no "${lang}" text for "${key}": English is shown`, {
          file: files[own[0]!],
          hint: `add "${key}": "…" to ${files[own[0]!]}`,
        }),
      );
    }
  }
  return diagnostics;
}
