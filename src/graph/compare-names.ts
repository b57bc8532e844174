// Names sort the way readers of the site's language expect ("Ägypten" near "Afrika"),
// with a code-unit tie-break so the order never depends on collation quirks.

import { memoize } from '../text/memoize.js';

export function compareNames(language: string): (a: string, b: string) => number {
  const collator = collatorFor(language);
  return (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

// Kept by language: a collator costs far more to create than to use, and every build and graph update sorts with one.
const collatorFor = memoize(
  (language: string): Intl.Collator => {
    try {
      return new Intl.Collator(language);
    } catch {
      return new Intl.Collator('en');
    }
  },
  { limit: 100 },
);

/** Plain code-unit order, independent of locale: for slugs, ids and URLs. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
