import { formatDate, type DateStyle } from './helpers/format-date.js';
import { jsonForScript } from './helpers/json-for-script.js';
import { languageName } from '../text/language.js';
import { formatNumber, translate, type Translations } from './translations.js';
import { shareUrl } from './helpers/share-url.js';
import { toAbsoluteUrl, toSiteUrl } from '../paths/site-urls.js';
import { pictureHtml } from '../images/picture-html.js';
import type { ImageRef } from '../graph/types.js';

export interface HelperSite {
  baseUrl: string;
  language: string;
  timeZone: string;
}

export interface HelperDef {
  fn: (...args: any[]) => unknown;
  /** Output is already safe HTML/JS and must not be escaped again. */
  raw?: boolean;
  /** Takes a HelperScope after its arguments. */
  scoped?: boolean;
}

/**
 * Where a helper is called from: its named arguments (`count=n`), and `lang`,
 * the language of the template being rendered (a layout renders in its page's
 * language, base.hbs in the site's; see renderRoutes).
 */
export interface HelperScope {
  hash: Record<string, unknown>;
  lang?: string;
}

/** As Handlebars' `#if` sees it: an empty list is false, so `(or lists.trending latest)` falls back. */
function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Asset name (`css/site.css`) → site-relative URL of its fingerprinted file, for the build being rendered. */
export type AssetLookup = (name: string) => string | undefined;

/** The theme's words in every language, for the pass being rendered. */
export type TranslationsLookup = () => Translations;

// Every template helper, by name. Each is a small pure function of its
// arguments (Handlebars' trailing options argument is removed by the engine;
// scoped helpers get a HelperScope in its place).
export function createHelperRegistry(site: HelperSite, assetUrl: AssetLookup = () => undefined, translations: TranslationsLookup = () => ({})): Record<string, HelperDef> {
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  /** The language to write in: `lang=` given to the helper, else the template's, else the site's. */
  const langOf = (scope: HelperScope) => (typeof scope.hash.lang === 'string' && scope.hash.lang) || scope.lang || site.language;
  const text = (key: string, scope: HelperScope, params: Record<string, unknown>) => translate(translations(), langOf(scope), key, params);
  return {
    formatDate: {
      scoped: true,
      fn: (date: Date, ...rest: unknown[]) => {
        const scope = rest.pop() as HelperScope;
        return formatDate(date, (typeof rest[0] === 'string' ? rest[0] : 'long') as DateStyle, langOf(scope), site.timeZone);
      },
    },
    year: { scoped: true, fn: (date: Date, scope: HelperScope) => formatDate(date, 'year', langOf(scope), site.timeZone) },
    t: { scoped: true, fn: (key: unknown, scope: HelperScope) => text(str(key), scope, scope.hash) },
    readingTime: { scoped: true, fn: (post: { readingMinutes: number }, scope: HelperScope) => text('readingTime', scope, { count: post.readingMinutes }) },
    formatNumber: { scoped: true, fn: (n: unknown, scope: HelperScope) => (typeof n === 'number' ? formatNumber(n, langOf(scope)) : str(n)) },
    /** A language's name in that language (`ar` → العربية), for links to a translation. */
    languageName: { fn: (tag: unknown) => languageName(str(tag)) },
    url: { fn: (path: unknown) => toSiteUrl(str(path), site.baseUrl) },
    absUrl: { fn: (path: unknown) => toAbsoluteUrl(str(path), site.baseUrl) },
    asset: { fn: (name: unknown) => toSiteUrl(assetUrl(str(name)) ?? missingAsset(str(name)), site.baseUrl) },
    shareUrl: { fn: (network: string, post: { url: string; title: string }) => shareUrl(network, toAbsoluteUrl(post.url, site.baseUrl), post.title) },
    eq: { fn: (a: unknown, b: unknown) => a === b },
    and: { fn: (...args: unknown[]) => args.every(truthy) },
    or: { fn: (...args: unknown[]) => args.find(truthy) ?? args[args.length - 1] },
    not: { fn: (a: unknown) => !truthy(a) },
    after: { fn: (a: unknown, b: unknown) => a instanceof Date && b instanceof Date && a.getTime() > b.getTime() },
    limit: { fn: (list: unknown, n: number) => (Array.isArray(list) ? list.slice(0, n) : []) },
    skip: { fn: (list: unknown, n: number) => (Array.isArray(list) ? list.slice(n) : []) },
    plural: { fn: (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}` },
    json: { fn: (value: unknown) => jsonForScript(value), raw: true },
    // {{picture post.image "(min-width: 64rem) 46rem, 100vw" "class"}}: sizes tell the browser how wide the theme shows it.
    picture: { fn: (image: ImageRef | undefined, sizes: unknown, className: unknown) => (image?.src ? pictureHtml(image.src, image.sized, { alt: image.alt, sizes: str(sizes), className: str(className), baseUrl: site.baseUrl }) : ''), raw: true },
  };
}

function missingAsset(name: string): never {
  throw new Error(`no asset "${name}" in the theme's assets/ (the site's templates/assets/ or the built-in theme; write the path below it, e.g. {{asset "css/site.css"}})`);
}
