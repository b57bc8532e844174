import { memoize } from '../../text/memoize.js';
import { zoneOffset } from '../../text/zone-time.js';

export type DateStyle = 'long' | 'short' | 'iso' | 'time' | 'year';

const formatter = memoize((locale: string, timeZone: string, style: Exclude<DateStyle, 'iso'>): Intl.DateTimeFormat => {
  const options: Intl.DateTimeFormatOptions =
    style === 'time'
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : style === 'year'
        ? { year: 'numeric' }
        : { dateStyle: style === 'long' ? 'long' : 'medium' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone });
});

/**
 * A date as readers of the site see it: in the site's language and time zone,
 * never the build machine's. `iso` is for `<time datetime>` and keeps the offset.
 */
export function formatDate(date: Date, style: DateStyle, locale: string, timeZone: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return '';
  return formatted(style, locale, timeZone, date.getTime());
}

// The same few hundred dates appear on thousands of pages (sidebars, cards): format each once.
const formatted = memoize(
  (style: DateStyle, locale: string, timeZone: string, instant: number): string =>
    style === 'iso' ? toIsoInZone(new Date(instant), timeZone) : formatter(locale, timeZone, style).format(instant),
  { limit: 100_000 },
);

/** `2024-11-06T09:30:00+01:00` in the given zone. */
export function toIsoInZone(date: Date, timeZone: string): string {
  return isoInZone(timeZone, date.getTime());
}

// Article pages write their own dates in structured data, and sidebars the same few hundred: each once.
const isoInZone = memoize((timeZone: string, instant: number): string => {
  const parts = Object.fromEntries(isoFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const offsetMinutes = Math.round(zoneOffset(instant, timeZone) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}, { limit: 100_000 });

const isoFormatter = memoize(
  (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
