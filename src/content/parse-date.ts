// Front-matter dates → instants, with no date library and no dependence on the
// process's TZ: a time without an offset is a wall-clock time in the site's
// IANA time zone, resolved through Intl.DateTimeFormat. This module has no
// imports so a test can run it on its own under different TZ settings.

// YAML 1.1 timestamps as Jekyll (Psych) and Hugo read them: one-digit month,
// day and hour (`2015-3-7 5:00:00`), spaces before the offset, and offsets
// written `-4`, `-0400` or `-04:00`.
const datePattern =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:[ \t]*(Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

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

/** The wall time read as if it were UTC. setUTCFullYear avoids Date.UTC's 19xx mapping of years 0–99. */
function wallTimeAsUtc(t: WallTime): number {
  const date = new Date(Date.UTC(2000, 0, 1, t.hour, t.minute, t.second, t.millisecond));
  date.setUTCFullYear(t.year, t.month - 1, t.day);
  return date.getTime();
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

/**
 * The instant at which clocks in `timeZone` show `wallMs`. Around a DST change
 * a wall time can occur twice (clocks went back: the earlier instant is taken)
 * or not at all (clocks jumped forward: it is read with the offset in force
 * before the jump, landing as far past the gap as it was into it).
 */
function zonedWallTimeToInstant(wallMs: number, timeZone: string): number {
  const offsetBefore = zoneOffset(wallMs - dayMs, timeZone);
  const offsetAfter = zoneOffset(wallMs + dayMs, timeZone);
  const matching = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instant) => instant + zoneOffset(instant, timeZone) === wallMs,
  );
  return matching.length > 0 ? Math.min(...matching) : wallMs - offsetBefore;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds east of UTC in `timeZone` at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' ? 1 - part('year') : part('year');
  const shown = wallTimeAsUtc({
    year,
    month: part('month'),
    day: part('day'),
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second'),
    millisecond: 0,
  });
  return shown - Math.floor(instant / 1000) * 1000;
}
