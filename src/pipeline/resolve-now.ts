import { parseDate } from '../content/parse-date.js';
import { codes } from '../diagnostics/codes.js';
import { error, SiteError } from '../diagnostics/diagnostic.js';

/**
 * The build's clock. `--now` without an offset is a wall-clock time in the
 * site's time zone, exactly like a front-matter date, so an embargo set for
 * 12:30 is not lifted early because the build machine runs in another zone.
 */
export function resolveNow(now: Date | string, timeZone: string): Date {
  if (now instanceof Date) return now;
  const date = parseDate(now, timeZone);
  if (!date) {
    throw new SiteError(error(codes.usage, `--now is not an ISO date (got ${JSON.stringify(now)})`, { hint: `for example --now 2024-11-06T12:00 (read in the site's time zone, ${timeZone}) or --now 2024-11-06T12:00:00Z` }));
  }
  return date;
}

/** Whether `--now` is a date at all: its form and calendar do not depend on the zone it is later read in. */
export function isNowDate(value: string): boolean {
  return parseDate(value, 'UTC') !== undefined;
}
