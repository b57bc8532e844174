// Front-matter dates and `--now` → instants, with no date library and no
// dependence on the process's TZ: a time without an offset is a wall-clock
// time in the site's IANA time zone (see text/zone-time.ts).
import { wallTimeAsUtc, zonedWallTimeToInstant, type WallTime } from '../text/zone-time.js';

// YAML 1.1 timestamps as Jekyll (Psych) and Hugo read them: one-digit month,
// day and hour (`2015-3-7 5:00:00`), spaces before the offset, and offsets
// written `-4`, `-0400` or `-04:00`.
const datePattern =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:[ \t]*(Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

const hourMs = 3_600_000;

/**
 * Accepts `YYYY-MM-DD`, optionally followed by `T` or a space and `hh:mm`,
 * `hh:mm:ss` or `hh:mm:ss.fff`, optionally followed by `Z`, `±hh:mm`, `±hhmm` or `±h`.
 * Without an offset the time is read in `timeZone` (a date alone is midnight
 * there). Returns undefined for anything else, including impossible calendar
 * dates (`2024-02-30`), `24:00`, numbers and words like `yesterday`.
 * `timeZone` must be a valid IANA name (the config schema checks it).
 */
export function parseDate(value: unknown, timeZone: string): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = datePattern.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const wall: WallTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
  if (!isValidWallTime(wall)) return undefined;
  const wallMs = wallTimeAsUtc(wall);
  if (offset === undefined) return new Date(zonedWallTimeToInstant(wallMs, timeZone));
  const offsetMs = parseOffset(offset);
  return offsetMs === undefined ? undefined : new Date(wallMs - offsetMs);
}

function isValidWallTime(t: WallTime): boolean {
  return (
    t.month >= 1 &&
    t.month <= 12 &&
    t.day >= 1 &&
    t.day <= daysInMonth(t.year, t.month) &&
    t.hour <= 23 &&
    t.minute <= 59 &&
    t.second <= 59
  );
}

function daysInMonth(year: number, month: number): number {
  return new Date(wallTimeAsUtc({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDate();
}

/** `Z`, `+01:00`, `-0530`, `-4` → milliseconds east of UTC. */
function parseOffset(offset: string): number | undefined {
  if (offset === 'Z') return 0;
  const [, hoursText, minutesText = '0'] = /^[+-](\d{1,2}?):?(\d{2})?$/.exec(offset) ?? [];
  const hours = Number(hoursText);
  const minutes = Number(minutesText);
  if (hours > 23 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * hourMs + minutes * 60_000);
}
