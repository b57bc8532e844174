import { formatDate, type DateStyle } from './helpers/format-date.js';
import { jsonForScript } from './helpers/json-for-script.js';
import { readingTimeLabel } from './helpers/reading-time.js';
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
}

/** As Handlebars' `#if` sees it: an empty list is false, so `(or lists.trending latest)` falls back. */
function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Asset name (`css/site.css`) → site-relative URL of its fingerprinted file, for the build being rendered. */
export type AssetLookup = (name: string) => string | undefined;

// Every template helper, by name. Each is a small pure function of its
// arguments (Handlebars' trailing options argument is removed by the engine).
export function createHelperRegistry(site: HelperSite, assetUrl: AssetLookup = () => undefined): Record<string, HelperDef> {
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    formatDate: { fn: (date: Date, style: unknown) => formatDate(date, (typeof style === 'string' ? style : 'long') as DateStyle, site.language, site.timeZone) },
    year: { fn: (date: Date) => formatDate(date, 'year', site.language, site.timeZone) },
    readingTime: { fn: (post: { readingMinutes: number }) => readingTimeLabel(post.readingMinutes) },
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
