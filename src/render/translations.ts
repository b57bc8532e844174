import { hashOf } from '../text/hash.js';
import { memoize } from '../text/memoize.js';

// The theme's words in each language: `i18n/<lang>.json` files mapping a key to
// a text with `{name}` placeholders, or to plural forms by Intl.PluralRules
// category (`zero`, `one`, `two`, `few`, `many`, `other`). Plain data, so a
// render worker can take it as it is.

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageTable = Record<string, Message>;
/** Language tag (the file's name, canonical) → its table. */
export type Translations = Record<string, MessageTable>;

/** The language every key must exist in, and the last step of every fallback. */
export const fallbackLanguage = 'en';

/** Where a language's words are looked up, in order: `pt-BR` → `pt-BR`, `pt`, `en`. */
export const lookupChain: (lang: string) => readonly string[] = memoize((lang: string) => {
  const chain: string[] = [];
  const parts = lang.split('-');
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  if (!chain.includes(fallbackLanguage)) chain.push(fallbackLanguage);
  return chain;
});

type Found = { message: Message; lang: string } | undefined;

// A page asks for a hundred or so texts, the same on every page: each is looked up once per set of tables
// (a build loads its tables once; a new set is a new object, so an edited file is never answered from here).
const foundIn = new WeakMap<Translations, Map<string, Map<string, Found>>>();

/** The message for a key in a language, with the language it was found in; undefined when not even English has it. */
export function findMessage(translations: Translations, lang: string, key: string): Found {
  let languages = foundIn.get(translations);
  if (!languages) foundIn.set(translations, (languages = new Map()));
  let found = languages.get(lang);
  if (!found) languages.set(lang, (found = new Map()));
  let message = found.get(key);
  if (message === undefined && !found.has(key)) found.set(key, (message = lookUp(translations, lang, key)));
  return message;
}

function lookUp(translations: Translations, lang: string, key: string): Found {
  for (const candidate of lookupChain(lang)) {
    const table = Object.hasOwn(translations, candidate) ? translations[candidate] : undefined;
    if (table && Object.hasOwn(table, key)) return { message: table[key]!, lang: candidate };
  }
  return undefined;
}

/** What a page in `lang` can show of the translations: changes when any table on its lookup chain changes. */
export function messagesVersion(translations: Translations, lang: string): string {
  return hashOf(JSON.stringify(lookupChain(lang).map((candidate) => translations[candidate] ?? null)));
}

const pluralRules = memoize((lang: string) => new Intl.PluralRules(lang));
const numberFormat = memoize((lang: string) => new Intl.NumberFormat(lang));
// Pages show the same few hundred numbers (counts, page numbers, minutes), each formatted once.
const formattedNumber = memoize((lang: string, n: number) => numberFormat(lang).format(n), { limit: 10_000 });

export function formatNumber(n: number, lang: string): string {
  // A map does not tell -0 from 0, and Intl writes "-0".
  return Object.is(n, -0) ? numberFormat(lang).format(n) : formattedNumber(lang, n);
}

/**
 * The text of `key` in `lang` (falling back along lookupChain), with `{name}`
 * placeholders filled from `params`: numbers in the language's digits, and
 * `count` choosing the plural form by the language's rules (Arabic has six).
 * Throws for a key no table has, English included.
 */
export function translate(translations: Translations, lang: string, key: string, params: Record<string, unknown> = {}): string {
  const found = findMessage(translations, lang, key);
  if (!found) throw new Error(`no text for "${key}" in i18n/${fallbackLanguage}.json (the theme's words); add it there`);
  const text = typeof found.message === 'string' ? found.message : pluralForm(found.message, found.lang, params.count);
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value, lang) : String(value ?? '');
  });
}

function pluralForm(message: PluralMessage, lang: string, count: unknown): string {
  if (typeof count !== 'number') return message.other;
  return message[pluralRules(lang).select(count)] ?? message.other;
}
