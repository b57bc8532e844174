// Wall-clock time in an IANA zone ↔ instants, through Intl.DateTimeFormat and
// never the process's TZ. The one home for zone-offset arithmetic: front
// matter dates, `--now` and `<time datetime>` values all use it, so they agree
// for every year (Date.UTC maps years 0–99 to 19xx; this code does not).

import { memoize } from './memoize.js';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall time read as if it were UTC. setUTCFullYear avoids Date.UTC's 19xx mapping of years 0–99. */
export function wallTimeAsUtc(t: WallTime): number {
  const date = new Date(Date.UTC(2000, 0, 1, t.hour, t.minute, t.second, t.millisecond));
  date.setUTCFullYear(t.year, t.month - 1, t.day);
  return date.getTime();
}

/**
 * The instant at which clocks in `timeZone` show `wallMs`. Around a DST change
 * a wall time can occur twice (clocks went back: the earlier instant is taken)
 * or not at all (clocks jumped forward: it is read with the offset in force
 * before the jump, landing as far past the gap as it was into it).
 */
export function zonedWallTimeToInstant(wallMs: number, timeZone: string): number {
  const offsetBefore = zoneOffset(wallMs - dayMs, timeZone);
  const offsetAfter = zoneOffset(wallMs + dayMs, timeZone);
  const matching = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instant) => instant + zoneOffset(instant, timeZone) === wallMs,
  );
  return matching.length > 0 ? Math.min(...matching) : wallMs - offsetBefore;
}

const wallClockIn = memoize(
  (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
);

/** Milliseconds east of UTC in `timeZone` at `instant`. */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = wallClockIn(timeZone).formatToParts(instant);
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
