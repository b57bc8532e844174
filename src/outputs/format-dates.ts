/** W3C Datetime / RFC 3339 in UTC to the second: `2026-11-20T09:30:00Z` (sitemaps, Atom, JSON Feed). */
export function toW3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 822 as RSS 2.0 wants it: `Fri, 20 Nov 2026 09:30:00 GMT`. */
export function toRfc822Date(date: Date): string {
  return date.toUTCString();
}

/** The newest of some dates; undefined for none. */
export function newestDate(dates: Iterable<Date | undefined>): Date | undefined {
  let newest: Date | undefined;
  for (const d of dates) if (d && (!newest || d > newest)) newest = d;
  return newest;
}
