// Rules the schema cannot express: names that must exist in Intl, category
// parents that loop, links that would run script. Run only on a config that
// already matches the schema.

import { codes } from '../diagnostics/codes.js';
import { formatJsonPath, quoteValue, type ConfigProblem, type JsonPath } from './config-problem.js';
import { checkPermalinks } from './check-permalinks.js';
import { didYouMean } from '../text/did-you-mean.js';
import { findCategoryCycles } from './find-category-cycles.js';
import type { SiteConfig } from './schema.js';
import { isSafeUrl, unsafeUrlHint, urlScheme } from '../paths/safe-url.js';

export function checkConfigSemantics(config: SiteConfig): ConfigProblem[] {
  return [
    ...checkTimeZone(config.timeZone),
    ...checkLanguage(config.language),
    ...checkBaseUrl(config.baseUrl),
    ...checkPermalinks(config.permalinks),
    ...checkCategories(config.taxonomies.categories),
    ...checkMenuLinks(config.menus),
  ];
}

/** Canonical forms the rest of the build can rely on; call after the checks pass. */
export function normaliseConfig(config: SiteConfig): SiteConfig {
  return {
    ...config,
    baseUrl: config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`,
    language: Intl.getCanonicalLocales(config.language)[0],
  };
}

function checkTimeZone(timeZone: string): ConfigProblem[] {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return [];
  } catch {
    const guess = didYouMean(timeZone, Intl.supportedValuesOf('timeZone'));
    const hint = guess ? `did you mean '${guess}'?` : 'use an IANA time zone name such as "Europe/Athens" or "UTC"';
    return [problem(['timeZone'], `${quoteValue(timeZone)} is not a known time zone`, hint)];
  }
}

function checkLanguage(language: string): ConfigProblem[] {
  try {
    Intl.getCanonicalLocales(language);
    return [];
  } catch {
    return [problem(['language'], `${quoteValue(language)} is not a valid language tag`, 'use a BCP 47 language tag such as "en" or "en-GB"')];
  }
}

function checkBaseUrl(baseUrl: string): ConfigProblem[] {
  if (!/[?#]/.test(baseUrl)) return [];
  return [problem(['baseUrl'], 'must not contain a query or fragment', 'remove everything from the "?" or "#" on')];
}

function checkCategories(categories: SiteConfig['taxonomies']['categories']): ConfigProblem[] {
  const { terms, strict } = categories;
  const cycles = findCategoryCycles(terms).map((cycle) =>
    problem(
      ['taxonomies', 'categories', 'terms', cycle[0], 'parent'],
      `categories form a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
      'remove "parent" from one of these categories',
    ),
  );
  // With strict categories only listed terms exist, so a parent must be one of them too.
  const unlisted = Object.entries(terms).flatMap(([name, term]) => {
    if (!strict || term.parent === undefined || Object.hasOwn(terms, term.parent)) return [];
    const guess = didYouMean(term.parent, Object.keys(terms));
    const hint = guess ? `did you mean '${guess}'?` : `add ${quoteValue(term.parent)} to taxonomies.categories.terms`;
    return [problem(['taxonomies', 'categories', 'terms', name, 'parent'], `${quoteValue(term.parent)} is not a listed category`, hint)];
  });
  return [...cycles, ...unlisted];
}

function checkMenuLinks(menus: SiteConfig['menus']): ConfigProblem[] {
  return Object.entries(menus).flatMap(([menu, links]) =>
    links.flatMap((link, index) => {
      if (isSafeUrl(link.url)) return [];
      return [
        problem(['menus', menu, index, 'url'], `links with the "${urlScheme(link.url)}:" scheme are not allowed`, unsafeUrlHint),
      ];
    }),
  );
}

function problem(path: JsonPath, message: string, hint: string): ConfigProblem {
  return { code: codes.configInvalid, path, at: 'value', message: `${formatJsonPath(path)}: ${message}`, hint };
}
